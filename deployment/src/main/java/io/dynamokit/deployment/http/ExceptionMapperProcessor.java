package io.dynamokit.deployment.http;

import java.util.ArrayList;
import java.util.List;

import io.dynamokit.configstore.ConfigStoreConflictException;
import io.dynamokit.configstore.InvalidConfigOptionException;
import io.dynamokit.configstore.OptionNotFoundException;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.runtime.config.DynamoKitFixedConfig;
import io.dynamokit.runtime.http.DynamoExceptionMapper;
import io.dynamokit.runtime.http.BodyShapeMapper;
import io.dynamokit.runtime.http.ProblemResponses;
import io.dynamokit.runtime.http.UnreadableBodyMapper;
import io.dynamokit.runtime.http.UnsupportedMediaTypeMapper;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.resteasy.reactive.spi.ExceptionMapperBuildItem;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Registers DynamoKit's exception mapper for the DynamoDB failure types whose kind is switched on, when the
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

    @BuildStep
    void exceptionMappers(Capabilities capabilities, DynamoKitFixedConfig config,
            BuildProducer<ExceptionMapperBuildItem> mappers, BuildProducer<AdditionalBeanBuildItem> beans) {
        DynamoKitFixedConfig.ExceptionMappers switches = config.exceptionMappers();
        if (!capabilities.isPresent(Capability.REST) || !switches.enabled()) {
            return;
        }
        List<Class<? extends RuntimeException>> handled = new ArrayList<>();
        if (switches.conflict()) {
            handled.add(ConditionalCheckFailedException.class);
            handled.add(TransactionConflictException.class);
            handled.add(ConfigStoreConflictException.class);
        }
        if (switches.throttling()) {
            handled.add(ProvisionedThroughputExceededException.class);
            handled.add(RequestLimitExceededException.class);
            handled.add(ThrottlingException.class);
        }
        if (switches.unavailable()) {
            handled.add(InternalServerErrorException.class);
            handled.add(ApiCallTimeoutException.class);
            handled.add(ApiCallAttemptTimeoutException.class);
        }
        if (switches.notFound()) {
            handled.add(ItemNotFoundException.class);
            handled.add(OptionNotFoundException.class);
        }
        if (switches.invalidInput()) {
            handled.add(InvalidConfigOptionException.class);
        }
        boolean classifying = switches.conflict() || switches.throttling() || switches.unavailable()
                || switches.credentials() || switches.other();
        if (classifying) {
            // failures told apart by error code, status, cause or message rather than by type; a failure of a kind
            // switched off is handed on by the mapper
            handled.add(TransactionCanceledException.class);
            handled.add(DynamoDbException.class);
            handled.add(SdkClientException.class);
            handled.add(SdkException.class);
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
            BuildProducer<ExceptionMapperBuildItem> mappers) {
        DynamoKitFixedConfig.ExceptionMappers switches = config.exceptionMappers();
        if (!capabilities.isPresent(Capability.REST) || !switches.enabled() || !switches.requestBody()) {
            return;
        }
        mappers.produce(new ExceptionMapperBuildItem(UnsupportedMediaTypeMapper.class.getName(),
                NOT_SUPPORTED, REQUEST_PRIORITY, false));
        if (capabilities.isPresent(Capability.REST_JACKSON)) {
            mappers.produce(new ExceptionMapperBuildItem(UnreadableBodyMapper.class.getName(),
                    WEB_APPLICATION, REQUEST_PRIORITY, false));
            mappers.produce(new ExceptionMapperBuildItem(BodyShapeMapper.class.getName(),
                    MISMATCHED_INPUT, REQUEST_PRIORITY, false));
        }
    }
}
