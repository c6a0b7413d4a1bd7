package io.dynamokit.runtime.client;

import io.dynamokit.runtime.config.ClientConfig;
import io.dynamokit.runtime.config.DynamoKitConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * Applies the {@code quarkus.dynamokit.client.*} settings to the DynamoDB client builders of the Quarkus Amazon
 * DynamoDB extension, before it builds its client beans.
 */
@Recorder
public class DynamoKitClientRecorder {

    private final RuntimeValue<DynamoKitConfig> config;

    public DynamoKitClientRecorder(RuntimeValue<DynamoKitConfig> config) {
        this.config = config;
    }

    public void validate() {
        ClientSettings.validate(config.getValue());
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

    public RuntimeValue<AwsClientBuilder> customize(RuntimeValue<AwsClientBuilder> builder,
            RuntimeValue<DynamoKitRequestInterceptor> interceptor) {
        AwsClientBuilder clientBuilder = builder.getValue();
        ClientOverrideConfiguration current = clientBuilder.overrideConfiguration();
        clientBuilder.overrideConfiguration(current.toBuilder()
                .retryStrategy(ClientSettings.retryStrategy(config.getValue().client().retry()))
                .addExecutionInterceptor(interceptor.getValue())
                .build());
        return builder;
    }
}
