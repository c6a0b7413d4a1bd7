package io.dynamokit.runtime.document;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.quarkiverse.amazon.common.AmazonClient;
import io.quarkiverse.amazon.common.runtime.ClientUtil;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the document client beans over the SDK client beans of the same name.
 */
@Recorder
public class DocumentClientRecorder {

    private final RuntimeValue<DynamoKitConfig> config;

    public DocumentClientRecorder(RuntimeValue<DynamoKitConfig> config) {
        this.config = config;
    }

    /** The problems of the document client settings, reported at start-up with those of the rest of the configuration. */
    public RuntimeValue<List<String>> problems() {
        return new RuntimeValue<>(DocumentSettings.problems(config.getValue().document()));
    }

    public Function<SyntheticCreationalContext<DocumentClient>, DocumentClient> documentClient(String clientName,
            ScheduledExecutorService executor) {
        return new Function<SyntheticCreationalContext<DocumentClient>, DocumentClient>() {
            @Override
            public DocumentClient apply(SyntheticCreationalContext<DocumentClient> context) {
                DynamoDbClient client = ClientUtil.isDefaultClient(clientName)
                        ? context.getInjectedReference(DynamoDbClient.class)
                        : context.getInjectedReference(DynamoDbClient.class, new AmazonClient.AmazonClientLiteral(clientName));
                return new DefaultDocumentClient(client, DocumentSettings.of(config.getValue().document()), executor);
            }
        };
    }

    public Function<SyntheticCreationalContext<ReactiveDocumentClient>, ReactiveDocumentClient> reactiveDocumentClient(
            String clientName, ScheduledExecutorService executor) {
        return new Function<SyntheticCreationalContext<ReactiveDocumentClient>, ReactiveDocumentClient>() {
            @Override
            public ReactiveDocumentClient apply(SyntheticCreationalContext<ReactiveDocumentClient> context) {
                DynamoDbAsyncClient client = ClientUtil.isDefaultClient(clientName)
                        ? context.getInjectedReference(DynamoDbAsyncClient.class)
                        : context.getInjectedReference(DynamoDbAsyncClient.class,
                                new AmazonClient.AmazonClientLiteral(clientName));
                // the injected reference is a lazy proxy: touch it so that the SDK client (its Netty event loops and
                // connection pool) is built now, at start-up, and not by the first request on a Vert.x event loop
                client.serviceClientConfiguration();
                return new DefaultReactiveDocumentClient(client, DocumentSettings.of(config.getValue().document()),
                        executor);
            }
        };
    }
}
