package io.dynamokit.deployment.http;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.ext.ExceptionMapper;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

import io.dynamokit.configstore.ConfigStoreConflictException;
import io.dynamokit.configstore.OptionNotFoundException;
import io.dynamokit.document.ItemNotFoundException;
import io.dynamokit.runtime.config.DynamoKitFixedConfig;
import io.dynamokit.runtime.http.DynamoExceptionMapper;
import io.dynamokit.runtime.http.ProblemResponses;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.util.JandexUtil;
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
 * application uses Quarkus REST. An application's own mapper for the same type always wins: DynamoKit registers none
 * for a type an application mapper class handles, and registers the others with the lowest priority there is (Quarkus
 * REST keeps the mapper with the lowest priority value for a type), which also loses to mappers declared otherwise,
 * such as {@code @ServerExceptionMapper} methods.
 */
public class ExceptionMapperProcessor {

    static final int PRIORITY = Integer.MAX_VALUE;
    private static final DotName EXCEPTION_MAPPER = DotName.createSimple(ExceptionMapper.class);

    @BuildStep
    void exceptionMappers(Capabilities capabilities, DynamoKitFixedConfig config, CombinedIndexBuildItem index,
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
        Set<String> mappedByApplication = applicationMappedTypes(index.getComputingIndex());
        handled.removeIf(type -> mappedByApplication.contains(type.getName()));
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

    /** The exception types the application's own {@code ExceptionMapper} classes handle. */
    private static Set<String> applicationMappedTypes(IndexView index) {
        Set<String> types = new TreeSet<>();
        for (ClassInfo mapper : index.getAllKnownImplementors(EXCEPTION_MAPPER)) {
            if (mapper.isInterface() || Modifier.isAbstract(mapper.flags())
                    || mapper.name().toString().equals(DynamoExceptionMapper.class.getName())) {
                continue;
            }
            List<Type> arguments = JandexUtil.resolveTypeParameters(mapper.name(), EXCEPTION_MAPPER, index);
            if (!arguments.isEmpty()) {
                types.add(arguments.get(0).name().toString());
            }
        }
        return types;
    }
}
