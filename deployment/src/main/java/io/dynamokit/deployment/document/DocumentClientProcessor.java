package io.dynamokit.deployment.document;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import io.dynamokit.deployment.ConfigurationProblemsBuildItem;
import io.dynamokit.document.DocumentClient;
import io.dynamokit.document.ReactiveDocumentClient;
import io.dynamokit.runtime.document.DocumentClientRecorder;
import io.dynamokit.runtime.document.DocumentSettings;
import io.quarkiverse.amazon.common.AmazonClient;
import io.quarkiverse.amazon.common.deployment.ClientDeploymentUtil;
import io.quarkiverse.amazon.common.deployment.RequireAmazonClientInjectionBuildItem;
import io.quarkiverse.amazon.common.runtime.ClientUtil;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ExecutorBuildItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link DocumentClient} (over {@code DynamoDbClient}) or {@link ReactiveDocumentClient} (over
 * {@code DynamoDbAsyncClient}) bean for each client name the application injects one for: the default client and
 * {@code @AmazonClient("name")} ones. The SDK client bean of the same name is then required from the Quarkus Amazon
 * DynamoDB extension, which builds it as usual. Nothing is registered for what nobody injects.
 */
public class DocumentClientProcessor {

    static final DotName DOCUMENT_CLIENT = DotName.createSimple(DocumentClient.class);
    static final DotName REACTIVE_DOCUMENT_CLIENT = DotName.createSimple(ReactiveDocumentClient.class);
    static final DotName SYNC_CLIENT = DotName.createSimple(DynamoDbClient.class);
    static final DotName ASYNC_CLIENT = DotName.createSimple(DynamoDbAsyncClient.class);
    static final DotName AMAZON_CLIENT = DotName.createSimple(AmazonClient.class);

    /** Bad document client settings fail start-up, whether or not a document client is injected. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ConfigurationProblemsBuildItem validateSettings(DocumentClientRecorder recorder) {
        return new ConfigurationProblemsBuildItem(DocumentSettings.PREFIX, recorder.problems());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void documentClients(BeanRegistrationPhaseBuildItem beanRegistration, DocumentClientRecorder recorder,
            ExecutorBuildItem executor,
            BuildProducer<SyntheticBeanBuildItem> beans,
            BuildProducer<RequireAmazonClientInjectionBuildItem> sdkClients) {
        for (String name : injectedNames(beanRegistration, DOCUMENT_CLIENT)) {
            sdkClients.produce(new RequireAmazonClientInjectionBuildItem(SYNC_CLIENT, name));
            beans.produce(ClientDeploymentUtil.namedClient(SyntheticBeanBuildItem.configure(DocumentClient.class), name)
                    .scope(ApplicationScoped.class)
                    .setRuntimeInit()
                    .addInjectionPoint(ClassType.create(SYNC_CLIENT), ClientDeploymentUtil.injectionPointAnnotationsClient(name))
                    .createWith(recorder.documentClient(name, executor.getExecutorProxy()))
                    .done());
        }
        for (String name : injectedNames(beanRegistration, REACTIVE_DOCUMENT_CLIENT)) {
            sdkClients.produce(new RequireAmazonClientInjectionBuildItem(ASYNC_CLIENT, name));
            beans.produce(ClientDeploymentUtil
                    .namedClient(SyntheticBeanBuildItem.configure(ReactiveDocumentClient.class), name)
                    .scope(ApplicationScoped.class)
                    .setRuntimeInit()
                    // created at start-up, with its SDK client: not lazily on an event loop by its first caller
                    .startup()
                    .addInjectionPoint(ClassType.create(ASYNC_CLIENT), ClientDeploymentUtil.injectionPointAnnotationsClient(name))
                    .createWith(recorder.reactiveDocumentClient(name, executor.getExecutorProxy()))
                    .done());
        }
    }

    /**
     * The client names injected for this type, sorted, so that the recorded start-up code is stable. ArC's required
     * type is already the {@code T} of {@code Instance<T>} and {@code Provider<T>}.
     */
    private static Set<String> injectedNames(BeanRegistrationPhaseBuildItem beanRegistration, DotName type) {
        Set<String> names = new TreeSet<>();
        for (InjectionPointInfo injectionPoint : beanRegistration.getInjectionPoints()) {
            if (type.equals(injectionPoint.getRequiredType().name())) {
                AnnotationInstance named = injectionPoint.getRequiredQualifier(AMAZON_CLIENT);
                names.add(named == null ? ClientUtil.DEFAULT_CLIENT_NAME : named.value().asString());
            }
        }
        return names;
    }
}
