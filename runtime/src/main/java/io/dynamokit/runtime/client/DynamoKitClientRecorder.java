package io.dynamokit.runtime.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.dynamokit.runtime.config.ClientConfig;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.dynamokit.runtime.instrument.InstrumentationInterceptor;
import io.dynamokit.runtime.instrument.MeasurementSink;
import io.dynamokit.runtime.instrument.ScopeCarryingExecutor;
import io.quarkiverse.amazon.common.runtime.AmazonClientConfig;
import io.quarkiverse.amazon.common.runtime.ClientUtil;
import io.quarkiverse.amazon.dynamodb.runtime.DynamoDbConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigUtils;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * Applies the {@code quarkus.dynamokit.client.*} settings to the DynamoDB client builders of the Quarkus Amazon
 * DynamoDB extension, before it builds its client beans. The few {@code quarkus.dynamodb.*} settings it needs are read
 * through that extension's own run time configuration ({@link DynamoDbConfig}).
 */
@Recorder
public class DynamoKitClientRecorder {

    private final RuntimeValue<DynamoKitConfig> config;
    private final RuntimeValue<DynamoDbConfig> dynamoDb;

    public DynamoKitClientRecorder(RuntimeValue<DynamoKitConfig> config, RuntimeValue<DynamoDbConfig> dynamoDb) {
        this.config = config;
        this.dynamoDb = dynamoDb;
    }

    /** The problems of the client settings, reported at start-up with those of the rest of the configuration. */
    public RuntimeValue<List<String>> problems() {
        return new RuntimeValue<>(ClientSettings.problems(config.getValue()));
    }

    /** One interceptor, and so one in-flight bound, for all DynamoDB clients of the application. */
    public RuntimeValue<DynamoKitRequestInterceptor> createInterceptor() {
        ClientConfig client = config.getValue().client();
        InFlightLimiter limiter = null;
        if (client.maxInFlight().isPresent()) {
            limiter = new InFlightLimiter(client.maxInFlight().getAsInt(), client.maxInFlightWait());
        }
        return new RuntimeValue<>(new DynamoKitRequestInterceptor(client.extraHeaders(), limiter));
    }

    /**
     * One measurement sink for all DynamoDB clients, tagged with the application and its environment.
     *
     * @param service the application's name ({@code quarkus.application.name}, fixed at build time)
     */
    public RuntimeValue<InstrumentationInterceptor> createInstrumentation(String service) {
        String environment = config.getValue().instrumentation().environment()
                .orElse(ConfigUtils.getProfiles().isEmpty() ? "prod" : ConfigUtils.getProfiles().get(0));
        AmazonClientConfig defaultClient = dynamoDb.getValue().clients().get(ClientUtil.DEFAULT_CLIENT_NAME);
        Duration attemptTimeout = defaultClient == null ? null
                : defaultClient.sdk().apiCallAttemptTimeout().orElse(null);
        return new RuntimeValue<>(new InstrumentationInterceptor(MeasurementSink.toCdiObservers(service, environment),
                attemptTimeout));
    }

    public RuntimeValue<AwsClientBuilder> customize(RuntimeValue<AwsClientBuilder> builder,
            RuntimeValue<DynamoKitRequestInterceptor> interceptor,
            RuntimeValue<InstrumentationInterceptor> instrumentation) {
        AwsClientBuilder clientBuilder = builder.getValue();
        ClientOverrideConfiguration current = clientBuilder.overrideConfiguration();
        clientBuilder.overrideConfiguration(current.toBuilder()
                .retryStrategy(ClientSettings.retryStrategy(config.getValue().client().retry()))
                .addExecutionInterceptor(interceptor.getValue())
                .addExecutionInterceptor(instrumentation.getValue())
                .build());
        return builder;
    }

    /**
     * Makes the async client complete its futures through a {@link ScopeCarryingExecutor}, so that DynamoDB requests
     * started in their continuations are credited to the instrumented method of the request that completed. It runs
     * the tasks where the Quarkus Amazon extension would: on the Quarkus executor, or, with
     * {@code quarkus.dynamodb.async-client.advanced.use-future-completion-thread-pool=false}, in place.
     */
    public RuntimeValue<AwsClientBuilder> carryInstrumentation(RuntimeValue<AwsClientBuilder> builder,
            Executor quarkusExecutor) {
        boolean threadPool = dynamoDb.getValue().asyncClient().advanced().useFutureCompletionThreadPool();
        Executor completion = new ScopeCarryingExecutor(threadPool ? quarkusExecutor : null);
        ((AwsAsyncClientBuilder<?, ?>) builder.getValue()).asyncConfiguration(ClientAsyncConfiguration.builder()
                .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, completion)
                .build());
        return builder;
    }
}
