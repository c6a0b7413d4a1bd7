package io.dynamokit.deployment.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.jandex.ClassType;

import io.dynamokit.deployment.ConfigurationProblemsBuildItem;
import io.dynamokit.runtime.client.DynamoKitClientRecorder;
import io.dynamokit.runtime.client.DynamoKitRequestInterceptor;
import io.dynamokit.runtime.instrument.InstrumentationInterceptor;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.quarkiverse.amazon.common.deployment.AmazonClientBuilderBuildItem;
import io.quarkiverse.amazon.common.deployment.AmazonClientBuilderOverrideBuildItem;
import io.quarkiverse.amazon.common.deployment.ClientDeploymentUtil;
import io.quarkiverse.amazon.common.runtime.AmazonClientOpenTelemetryRecorder;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ExecutorBuildItem;
import io.quarkus.runtime.ApplicationConfig;
import io.quarkus.runtime.RuntimeValue;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Puts DynamoKit's client settings (retry strategy, extra headers, in-flight bound) into the DynamoDB client builders
 * of the Quarkus Amazon DynamoDB extension. That extension then builds its {@code DynamoDbClient} and
 * {@code DynamoDbAsyncClient} beans from them as usual: DynamoKit adds no client bean of its own.
 */
public class ClientSettingsProcessor {

    /** The properties whose problems the client settings report. */
    static final String CLIENT_PREFIX = "quarkus.dynamokit.client.";

    /** The {@code service} of measurements when {@code quarkus.application.name} is not set. */
    static final String UNNAMED_SERVICE = "application";

    /** Bad client settings fail start-up, whether or not a client is injected. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ConfigurationProblemsBuildItem validateClientSettings(DynamoKitClientRecorder recorder) {
        return new ConfigurationProblemsBuildItem(CLIENT_PREFIX, recorder.problems());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void customizeDynamoDbClientBuilders(List<AmazonClientBuilderBuildItem> clientBuilders,
            ApplicationConfig application,
            DynamoKitClientRecorder recorder,
            AmazonClientOpenTelemetryRecorder openTelemetryRecorder,
            ExecutorBuildItem executor,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans,
            BuildProducer<AmazonClientBuilderOverrideBuildItem> overrides) {
        RuntimeValue<DynamoKitRequestInterceptor> interceptor = null;
        RuntimeValue<InstrumentationInterceptor> instrumentation = null;
        for (AmazonClientBuilderBuildItem clientBuilder : clientBuilders) {
            Class<?> builderClass = clientBuilder.getBuilderClass();
            if (!builderClass.equals(DynamoDbClientBuilder.class) && !builderClass.equals(DynamoDbAsyncClientBuilder.class)) {
                continue;
            }
            if (interceptor == null) {
                interceptor = recorder.createInterceptor();
                instrumentation = recorder.createInstrumentation(application.name().orElse(UNNAMED_SERVICE));
            }
            RuntimeValue<AwsClientBuilder> customized = recorder.customize(clientBuilder.getClientBuilder(), interceptor,
                    instrumentation);
            if (builderClass.equals(DynamoDbAsyncClientBuilder.class)) {
                customized = recorder.carryInstrumentation(customized, executor.getExecutorProxy());
            }
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = ClientDeploymentUtil
                    .namedBuilder(SyntheticBeanBuildItem.configure(builderClass), clientBuilder.getClientName())
                    .unremovable()
                    .defaultBean()
                    .setRuntimeInit()
                    .scope(ApplicationScoped.class);
            if (clientBuilder.hasOpenTelemetry()) {
                bean.createWith(openTelemetryRecorder.configure(customized))
                        .addInjectionPoint(ClassType.create(AwsSdkTelemetry.class));
            } else {
                bean.runtimeValue(customized);
            }
            syntheticBeans.produce(bean.done());
            overrides.produce(new AmazonClientBuilderOverrideBuildItem(builderClass, clientBuilder.getClientName()));
        }
    }
}
