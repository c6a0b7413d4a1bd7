package io.dynamokit.benchmarks;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import io.dynamokit.runtime.instrument.InstrumentationInterceptor;
import io.dynamokit.runtime.instrument.MeasurementSink;
import io.dynamokit.runtime.instrument.MicrometerMeasurements;
import io.dynamokit.runtime.instrument.Scopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The time {@code @DynamoInstrumented} adds to a DynamoDB call, Micrometer recording included: the same GetItem on
 * two SDK clients answered by an in-process HTTP client with a canned response (no network, no DynamoDB), one plain,
 * one with DynamoKit's instrumentation interceptor and a measurement scope.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xmx512m" })
public class InstrumentationOverheadBenchmark {

    private static final byte[] BODY = "{\"Item\":{\"ForumName\":{\"S\":\"Quarkus\"},\"Subject\":{\"S\":\"Paging\"},\"Replies\":{\"N\":\"3\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    private DynamoDbClient plain;
    private DynamoDbClient instrumented;
    private SimpleMeterRegistry registry;
    private GetItemRequest request;
    private InstrumentationInterceptor interceptor;
    private InterceptorContext exchange;

    /** Answers every request with the same GetItem response, in memory. */
    static final class CannedHttpClient implements SdkHttpClient {

        private static final String CRC;

        static {
            CRC32 crc = new CRC32();
            crc.update(BODY);
            CRC = String.valueOf(crc.getValue());
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200)
                            .putHeader("Content-Type", "application/x-amz-json-1.0")
                            .putHeader("x-amzn-RequestId", "benchmark")
                            .putHeader("x-amz-crc32", CRC)
                            .putHeader("Content-Length", String.valueOf(BODY.length))
                            .build();
                    return HttpExecuteResponse.builder().response(response)
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(BODY))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        registry = new SimpleMeterRegistry();
        MicrometerMeasurements meters = new MicrometerMeasurements(registry);
        MeasurementSink sink = new MeasurementSink("benchmark", "bench", meters::record, failure -> {
        });
        plain = client(null);
        interceptor = new InstrumentationInterceptor(sink, null);
        instrumented = client(interceptor);
        request = GetItemRequest.builder().tableName("Thread")
                .key(Map.of("ForumName", AttributeValue.fromS("Quarkus"), "Subject", AttributeValue.fromS("Paging")))
                .build();
        exchange = InterceptorContext.builder()
                .request(request)
                .httpRequest(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("http://127.0.0.1:9"))
                        .build())
                .httpResponse(SdkHttpResponse.builder().statusCode(200).putHeader("x-amzn-RequestId", "benchmark")
                        .build())
                .response(GetItemResponse.builder()
                        .item(Map.of("ForumName", AttributeValue.fromS("Quarkus"))).build())
                .build();
    }

    private static DynamoDbClient client(InstrumentationInterceptor interceptor) {
        return DynamoDbClient.builder()
                .httpClient(new CannedHttpClient())
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    if (interceptor != null) {
                        o.executionInterceptors(List.of(interceptor));
                    }
                })
                .build();
    }

    @TearDown(Level.Trial)
    public void check(BenchmarkParams params) {
        long recorded = registry.find("dynamokit.dynamodb.attempts").timer() == null ? 0
                : registry.find("dynamokit.dynamodb.attempts").timer().count();
        boolean measuring = params.getBenchmark().endsWith(".getItemInstrumented")
                || params.getBenchmark().endsWith(".instrumentationAlone");
        if (measuring == (recorded == 0)) {
            throw new IllegalStateException(params.getBenchmark() + " recorded " + recorded + " measurements");
        }
        plain.close();
        instrumented.close();
    }

    /** The baseline: the SDK call with nothing of DynamoKit's. */
    @Benchmark
    public Optional<Integer> getItemPlain() {
        return Optional.of(plain.getItem(request).item().size());
    }

    /** The same call measured: a scope, the interceptor, the measurement, the Micrometer timer. */
    @Benchmark
    public Optional<Integer> getItemInstrumented() {
        return Scopes.instrumented("Benchmark#getItem", () -> Optional.of(instrumented.getItem(request).item().size()));
    }

    /** The instrumented client called outside any instrumented code: what uninstrumented calls pay. */
    @Benchmark
    public Optional<Integer> getItemInstrumentedClientNoScope() {
        return Optional.of(instrumented.getItem(request).item().size());
    }

    /**
     * Only what instrumentation adds to a call, without the call: a measurement scope, the interceptor's callbacks in
     * the order the SDK makes them for one successful attempt, the measurement and its Micrometer timer and counter.
     * The SDK call's own work (30 us, varying by more than the budget from fork to fork) is left out, so that the added
     * time is measured on its own, in nanoseconds.
     */
    @Benchmark
    public Optional<Integer> instrumentationAlone() {
        return Scopes.instrumented("Benchmark#getItem", this::oneAttemptCallbacks);
    }

    /** The callbacks of an instrumented client for a call made outside instrumented code. */
    @Benchmark
    public Optional<Integer> instrumentationAloneNoScope() {
        return oneAttemptCallbacks();
    }

    private Optional<Integer> oneAttemptCallbacks() {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, "GetItem");
        interceptor.beforeExecution(exchange, attributes);
        interceptor.beforeTransmission(exchange, attributes);
        interceptor.afterTransmission(exchange, attributes);
        interceptor.modifyHttpResponseContent(exchange, attributes);
        interceptor.afterExecution(exchange, attributes);
        return Optional.of(attributes.hashCode());
    }
}
