package io.dynamokit.runtime.instrument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import io.dynamokit.instrument.DynamoMeasurement.Outcome;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Measures the attempts of DynamoDB requests made in an instrumented method. The method's frame is looked up on the
 * thread that makes the request and then travels with the request, so callbacks on other threads measure it too; when
 * an async request ends, the continuations its completion runs are credited to the same method.
 */
public final class InstrumentationInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<CallState> CALL = new ExecutionAttribute<>("DynamoKitInstrumentedCall");
    private static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private final MeasurementSink sink;
    private final long attemptTimeoutNanos;

    /**
     * @param attemptTimeout the clients' {@code api-call-attempt-timeout}, or null: tells a timed-out attempt from a
     *        failed connection
     */
    public InstrumentationInterceptor(MeasurementSink sink, Duration attemptTimeout) {
        this.sink = sink;
        this.attemptTimeoutNanos = attemptTimeout == null ? 0 : attemptTimeout.toNanos();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        MethodFrame frame = Scopes.current();
        if (frame == null || !frame.isOpen()) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attributes.putAttribute(CALL, new CallState(frame, sink, operation, tables(context.request())));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        CallState call = attributes.getAttribute(CALL);
        if (call != null) {
            call.beginAttempt(System.nanoTime(), attemptTimeoutNanos);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        CallState call = attributes.getAttribute(CALL);
        if (call != null) {
            String code = context.httpResponse().firstMatchingHeader(ERROR_TYPE_HEADER).map(InstrumentationInterceptor::codeOf)
                    .orElse(null);
            call.answered(System.nanoTime(), context.httpResponse().statusCode(), code);
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        CallState call = attributes.getAttribute(CALL);
        Optional<InputStream> body = context.responseBody();
        if (call == null || !call.isAwaitingErrorBody() || body.isEmpty()) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call.errorBody(errorCodeIn(bytes));
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        CallState call = attributes.getAttribute(CALL);
        Optional<Publisher<ByteBuffer>> body = context.responsePublisher();
        if (call == null || !call.isAwaitingErrorBody() || body.isEmpty()) {
            return body;
        }
        return Optional.of(new ErrorBodyPublisher(body.get(), call));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        CallState call = attributes.getAttribute(CALL);
        if (call != null) {
            call.succeeded(System.nanoTime(), consumedCapacity(context.response()));
            Scopes.continueIn(call.frame());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        CallState call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        Throwable failure = context.exception();
        Outcome withoutAnswer = failure instanceof ApiCallAttemptTimeoutException
                || failure instanceof ApiCallTimeoutException ? Outcome.TIMEOUT : Outcome.IO;
        String errorCode = failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode()
                : null;
        call.failed(System.nanoTime(), failure, withoutAnswer, errorCode);
        Scopes.continueIn(call.frame());
    }

    static List<String> tables(SdkRequest request) {
        Set<String> tables = new LinkedHashSet<>();
        request.getValueForField("TableName", String.class).ifPresent(tables::add);
        if (request instanceof BatchGetItemRequest batchGet && batchGet.hasRequestItems()) {
            tables.addAll(batchGet.requestItems().keySet());
        } else if (request instanceof BatchWriteItemRequest batchWrite && batchWrite.hasRequestItems()) {
            tables.addAll(batchWrite.requestItems().keySet());
        } else if (request instanceof TransactWriteItemsRequest transactWrite && transactWrite.hasTransactItems()) {
            for (TransactWriteItem item : transactWrite.transactItems()) {
                if (item.put() != null) {
                    tables.add(item.put().tableName());
                } else if (item.update() != null) {
                    tables.add(item.update().tableName());
                } else if (item.delete() != null) {
                    tables.add(item.delete().tableName());
                } else if (item.conditionCheck() != null) {
                    tables.add(item.conditionCheck().tableName());
                }
            }
        } else if (request instanceof TransactGetItemsRequest transactGet && transactGet.hasTransactItems()) {
            for (TransactGetItem item : transactGet.transactItems()) {
                if (item.get() != null) {
                    tables.add(item.get().tableName());
                }
            }
        }
        return new ArrayList<>(tables);
    }

    /**
     * The capacity units DynamoDB reported: one {@code ConsumedCapacity} for single-table operations, a list of them
     * (one per table) for batch and transaction operations, summed.
     */
    static Double consumedCapacity(SdkResponse response) {
        Object reported = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
        if (reported instanceof ConsumedCapacity single) {
            return single.capacityUnits();
        }
        if (!(reported instanceof List<?> many) || many.isEmpty()) {
            return null;
        }
        double total = 0;
        for (Object capacity : many) {
            if (capacity instanceof ConsumedCapacity consumed && consumed.capacityUnits() != null) {
                total += consumed.capacityUnits();
            }
        }
        return total;
    }

    /** The error code in a DynamoDB JSON error body: {@code {"__type":"com.amazonaws...#Code", ...}}. */
    static String errorCodeIn(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int key = text.indexOf("\"__type\"");
        if (key < 0) {
            return null;
        }
        int start = text.indexOf('"', text.indexOf(':', key) + 1);
        int end = start < 0 ? -1 : text.indexOf('"', start + 1);
        return end < 0 ? null : codeOf(text.substring(start + 1, end));
    }

    private static String codeOf(String type) {
        int hash = type.lastIndexOf('#');
        String code = hash < 0 ? type : type.substring(hash + 1);
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }

    /** Passes an error body through unchanged, reading its error code on the way. */
    private static final class ErrorBodyPublisher implements Publisher<ByteBuffer> {

        private final Publisher<ByteBuffer> body;
        private final CallState call;

        ErrorBodyPublisher(Publisher<ByteBuffer> body, CallState call) {
            this.body = body;
            this.call = call;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            body.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer buffer) {
                    ByteBuffer view = buffer.duplicate();
                    byte[] bytes = new byte[view.remaining()];
                    view.get(bytes);
                    copy.write(bytes, 0, bytes.length);
                    subscriber.onNext(buffer);
                }

                @Override
                public void onError(Throwable failure) {
                    subscriber.onError(failure);
                }

                @Override
                public void onComplete() {
                    call.errorBody(errorCodeIn(copy.toByteArray()));
                    subscriber.onComplete();
                }
            });
        }
    }
}
