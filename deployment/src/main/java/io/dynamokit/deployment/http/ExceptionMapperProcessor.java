package io.dynamokit.deployment.http;

import java.util.LinkedHashSet;
import java.util.Set;

import io.dynamokit.deployment.ConfigurationProblemsBuildItem;
import io.dynamokit.http.FailureKind;
import io.dynamokit.runtime.config.DynamoKitFixedConfig;
import io.dynamokit.runtime.http.BodyShapeMapper;
import io.dynamokit.runtime.http.DynamoExceptionMapper;
import io.dynamokit.runtime.http.ExceptionMappersRecorder;
import io.dynamokit.runtime.http.MappedKinds;
import io.dynamokit.runtime.http.ProblemResponses;
import io.dynamokit.runtime.http.UnreadableBodyMapper;
import io.dynamokit.runtime.http.UnsupportedMediaTypeMapper;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.resteasy.reactive.spi.ExceptionMapperBuildItem;

/**
 * Registers DynamoKit's exception mapper for the exception types of the {@link FailureKind}s switched on, when the
 * application uses Quarkus REST. An application's own mapper for the same type always wins: DynamoKit's are
 * registered with the lowest priority there is, and Quarkus REST keeps the mapper with the lowest priority value for a
 * type.
 */
public class ExceptionMapperProcessor {

    static final int PRIORITY = Integer.MAX_VALUE;
    /**
     * Below an application's mappers of the default priority ({@code Priorities.USER}), above Quarkus REST Jackson's
     * built-in mapper for {@code MismatchedInputException} (5100), which answers a bare 400.
     */
    static final int REQUEST_PRIORITY = 5000 + 50;
    private static final String NOT_SUPPORTED = "jakarta.ws.rs.NotSupportedException";
    private static final String WEB_APPLICATION = "jakarta.ws.rs.WebApplicationException";
    private static final String MISMATCHED_INPUT = "com.fasterxml.jackson.databind.exc.MismatchedInputException";

    /** Bad exception mapper settings fail start-up, with every other problem of the configuration. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ConfigurationProblemsBuildItem validateSettings(ExceptionMappersRecorder recorder) {
        return new ConfigurationProblemsBuildItem(ExceptionMappersRecorder.PREFIX, recorder.problems());
    }

    @BuildStep
    void exceptionMappers(Capabilities capabilities, DynamoKitFixedConfig config,
            BuildProducer<ExceptionMapperBuildItem> mappers, BuildProducer<AdditionalBeanBuildItem> beans) {
        DynamoKitFixedConfig.ExceptionMappers switches = config.exceptionMappers();
        if (!capabilities.isPresent(Capability.REST)) {
            return;
        }
        Set<Class<? extends RuntimeException>> handled = new LinkedHashSet<>();
        for (FailureKind kind : MappedKinds.of(switches)) {
            // a type carrying several kinds is registered once; the mapper hands on the kinds switched off
            handled.addAll(kind.mappedTypes());
        }
        if (handled.isEmpty()) {
            return;
        }
        for (Class<? extends RuntimeException> type : handled) {
            mappers.produce(new ExceptionMapperBuildItem(DynamoExceptionMapper.class.getName(), type.getName(),
                    PRIORITY, true));
        }
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(DynamoExceptionMapper.class, ProblemResponses.class)
                .setUnremovable().build());
    }

    /**
     * Problems for request bodies Quarkus REST cannot read. Jackson's exceptions are mapped only when the application
     * reads JSON with Quarkus REST Jackson (the mappers name Jackson's types).
     */
    @BuildStep
    void requestBodyMappers(Capabilities capabilities, DynamoKitFixedConfig config,
            BuildProducer<ExceptionMapperBuildItem> mappers, BuildProducer<AdditionalBeanBuildItem> beans) {
        DynamoKitFixedConfig.ExceptionMappers switches = config.exceptionMappers();
        if (!capabilities.isPresent(Capability.REST) || !switches.enabled() || !switches.requestBody()) {
            return;
        }
        mappers.produce(new ExceptionMapperBuildItem(UnsupportedMediaTypeMapper.class.getName(),
                NOT_SUPPORTED, REQUEST_PRIORITY, false));
        // a bean, so that Quarkus REST uses one instance, which keeps the routing tables it looks endpoints up in
        beans.produce(AdditionalBeanBuildItem.unremovableOf(UnsupportedMediaTypeMapper.class));
        if (capabilities.isPresent(Capability.REST_JACKSON)) {
            mappers.produce(new ExceptionMapperBuildItem(UnreadableBodyMapper.class.getName(),
                    WEB_APPLICATION, REQUEST_PRIORITY, false));
            mappers.produce(new ExceptionMapperBuildItem(BodyShapeMapper.class.getName(),
                    MISMATCHED_INPUT, REQUEST_PRIORITY, false));
        }
    }
}
