package io.dynamokit.deployment.instrument;

import io.dynamokit.instrument.DynamoInstrumented;
import io.dynamokit.runtime.instrument.DynamoInstrumentedInterceptor;
import io.dynamokit.runtime.instrument.InstrumentationFilter;
import io.dynamokit.runtime.instrument.MicrometerMeasurements;
import io.dynamokit.runtime.instrument.RequestInstrumentation;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;

/**
 * {@code @DynamoInstrumented}: its interceptor and request scope, the REST filters for correlation ids and
 * {@code Server-Timing} (with Quarkus REST), and the Micrometer meters (with Micrometer). The measuring itself is done
 * by an SDK execution interceptor on every DynamoDB client (see {@code io.dynamokit.deployment.client.ClientSettingsProcessor}).
 */
public class InstrumentationProcessor {

    @BuildStep
    AdditionalBeanBuildItem interceptor() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(DynamoInstrumented.class, DynamoInstrumentedInterceptor.class, RequestInstrumentation.class)
                .setUnremovable()
                .build();
    }

    @BuildStep
    void restFilters(Capabilities capabilities, BuildProducer<ContainerRequestFilterBuildItem> requestFilters,
            BuildProducer<ContainerResponseFilterBuildItem> responseFilters, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!capabilities.isPresent(Capability.REST)) {
            return;
        }
        requestFilters.produce(new ContainerRequestFilterBuildItem(InstrumentationFilter.class.getName()));
        responseFilters.produce(new ContainerResponseFilterBuildItem.Builder(InstrumentationFilter.class.getName()).build());
        beans.produce(AdditionalBeanBuildItem.unremovableOf(InstrumentationFilter.class));
    }

    @BuildStep
    void micrometer(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.METRICS)
                && QuarkusClassLoader.isClassPresentAtRuntime("io.micrometer.core.instrument.MeterRegistry")) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(MicrometerMeasurements.class));
        }
    }
}
