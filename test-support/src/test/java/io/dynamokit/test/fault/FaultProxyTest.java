package io.dynamokit.test.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultProxyTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String PUT_ITEM = "DynamoDB_20120810.PutItem";
    private static final String GET_ITEM = "DynamoDB_20120810.GetItem";

    private final AtomicInteger upstreamRequests = new AtomicInteger();
    private HttpServer upstream;
    private ExecutorService upstreamExecutor;
    private FaultProxy proxy;
    private HttpClient client;

    @BeforeEach
    void startUpstreamAndProxy() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        upstreamExecutor = Executors.newFixedThreadPool(32, task -> {
            Thread thread = new Thread(task, "test-upstream");
            thread.setDaemon(true);
            return thread;
        });
        upstream.setExecutor(upstreamExecutor);
        upstream.createContext("/", this::echo);
        upstream.start();
        proxy = FaultProxy.start(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
    }

    @AfterEach
    void stopUpstreamAndProxy() {
        proxy.close();
        upstream.stop(0);
        upstreamExecutor.shutdownNow();
    }

    /**
     * Echoes the request body and some request properties as {@code X-Echo-*} headers; {@code X-Test-Status} sets the
     * status, {@code X-Test-Sleep-Millis} makes it wait, {@code X-Test-Chunked} answers with a chunked body.
     */
    private void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            upstreamRequests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers request = exchange.getRequestHeaders();
            String sleep = request.getFirst("X-Test-Sleep-Millis");
            if (sleep != null) {
                try {
                    Thread.sleep(Long.parseLong(sleep));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Headers response = exchange.getResponseHeaders();
            response.add("Content-Type", "application/x-amz-json-1.0");
            response.add("X-Echo-Method", exchange.getRequestMethod());
            response.add("X-Echo-Uri", exchange.getRequestURI().toString());
            response.add("X-Echo-Remote-Port", String.valueOf(exchange.getRemoteAddress().getPort()));
            for (String name : List.of("Host", "X-Custom", "X-Amz-Target", "Content-Length", "Transfer-Encoding",
                    "Expect")) {
                String value = request.getFirst(name);
                if (value != null) {
                    response.add("X-Echo-" + name, value);
                }
            }
            String status = request.getFirst("X-Test-Status");
            boolean chunked = request.getFirst("X-Test-Chunked") != null;
            exchange.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status),
                    chunked ? 0 : (body.length == 0 ? -1 : body.length));
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(proxy.uri().resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest post(String target, String body) {
        HttpRequest.Builder builder = request("/").POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            builder.header("X-Amz-Target", target);
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<String> outcomes() {
        return proxy.requests().stream().map(RecordedRequest::outcome).collect(Collectors.toList());
    }

    @Test
    void forwardsStatusHeadersAndBody() throws Exception {
        HttpResponse<String> response = send(request("/some/path?x=1")
                .header("X-Custom", "hello")
                .header("X-Amz-Target", PUT_ITEM)
                .header("X-Test-Status", "201")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"t\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"TableName\":\"t\"}");
        assertThat(response.headers().firstValue("X-Echo-Method")).hasValue("POST");
        assertThat(response.headers().firstValue("X-Echo-Uri")).hasValue("/some/path?x=1");
        assertThat(response.headers().firstValue("X-Echo-X-Custom")).hasValue("hello");
        assertThat(response.headers().firstValue("X-Echo-X-Amz-Target")).hasValue(PUT_ITEM);
        assertThat(response.headers().firstValue("X-Echo-Host")).hasValue("127.0.0.1:" + proxy.port());
        assertThat(response.headers().firstValue("X-Echo-Content-Length")).hasValue("17");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("17");
        assertThat(outcomes()).containsExactly(RecordedRequest.OUTCOME_FORWARDED);
    }

    @Test
    void relaysChunkedUpstreamResponsesWithContentLength() throws Exception {
        HttpResponse<String> response = send(request("/")
                .header("X-Test-Chunked", "yes")
                .POST(HttpRequest.BodyPublishers.ofString("chunked answer"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("chunked answer");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void forwardsGetWithoutBodyAndAnswersExpectContinue() throws Exception {
        HttpResponse<String> get = send(request("/health").GET().build());
        HttpResponse<String> expecting = send(request("/")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("after continue"))
                .build());

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEmpty();
        assertThat(get.headers().firstValue("X-Echo-Method")).hasValue("GET");
        assertThat(expecting.statusCode()).isEqualTo(200);
        assertThat(expecting.body()).isEqualTo("after continue");
        assertThat(expecting.headers().firstValue("X-Echo-Expect")).isEmpty();
        assertThat(proxy.requests().get(1).header("Expect")).isEqualToIgnoringCase("100-continue");
    }

    @Test
    void keepsClientConnectionsAlive() throws Exception {
        List<String> upstreamPorts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = send(post(PUT_ITEM, "request " + i));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("request " + i);
            upstreamPorts.add(response.headers().firstValue("X-Echo-Remote-Port").orElseThrow());
        }

        assertThat(upstreamPorts).as("one client connection, so one upstream connection").containsOnly(
                upstreamPorts.get(0));
        assertThat(proxy.requestCount()).isEqualTo(5);
    }

    @Test
    void servesSeveralRequestsOnOneRawConnectionIncludingChunkedBodies() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            out.write(ascii("POST /first HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello"));
            out.flush();
            RawResponse first = RawResponse.read(in);

            out.write(ascii("POST /second HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4;ext=1\r\nchun\r\n6\r\nked bo\r\n2\r\ndy\r\n0\r\nX-Trailer: t\r\n\r\n"));
            out.flush();
            RawResponse second = RawResponse.read(in);

            out.write(ascii("GET /third HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"));
            out.flush();
            RawResponse third = RawResponse.read(in);

            assertThat(first.status).isEqualTo(200);
            assertThat(first.body).isEqualTo("hello");
            assertThat(first.headers.get("X-Echo-Host")).isEqualTo("test");
            assertThat(second.status).isEqualTo(200);
            assertThat(second.body).isEqualTo("chunked body");
            assertThat(second.headers.get("X-Echo-Content-Length")).isEqualTo("12");
            assertThat(second.headers).doesNotContainKey("X-Echo-Transfer-Encoding");
            assertThat(third.status).isEqualTo(200);
            assertThat(third.headers.get("X-Echo-Uri")).isEqualTo("/third");
            assertThat(third.headers.get("Connection")).isEqualTo("close");
            assertThat(in.read()).as("the proxy closes after Connection: close").isEqualTo(-1);
        }
        assertThat(proxy.requests()).extracting(RecordedRequest::path)
                .containsExactly("/first", "/second", "/third");
        assertThat(proxy.requests().get(1).bodyAsString()).isEqualTo("chunked body");
    }

    @Test
    void answersMalformedRequestsWithBadRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(ascii("NOT-HTTP\r\n\r\n"));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RawResponse response = RawResponse.read(in);

            assertThat(response.status).isEqualTo(400);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(proxy.requestCount()).isZero();
    }

    @Test
    void firstAppliesToTheFirstMatchingRequestsOnly() throws Exception {
        FaultRule rule = FaultRule.provisionedThroughputExceeded().first(2);
        proxy.addRule(rule);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(send(post(PUT_ITEM, "{}")).statusCode());
        }

        assertThat(statuses).containsExactly(400, 400, 200, 200);
        assertThat(rule.timesApplied()).isEqualTo(2);
        assertThat(upstreamRequests).hasValue(2);
        assertThat(outcomes()).containsExactly("ProvisionedThroughputExceededException",
                "ProvisionedThroughputExceededException", RecordedRequest.OUTCOME_FORWARDED,
                RecordedRequest.OUTCOME_FORWARDED);
    }

    @Test
    void shareIsDeterministicForASeed() throws Exception {
        long seed = 20120810L;
        FaultRule rule = FaultRule.internalServerError().share(0.5, seed);
        proxy.addRule(rule);

        Random expectedDraws = new Random(seed);
        List<Boolean> expected = new ArrayList<>();
        List<Boolean> faulted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(expectedDraws.nextDouble() < 0.5);
            faulted.add(send(post(GET_ITEM, "{}")).statusCode() == 500);
        }

        long expectedCount = expected.stream().filter(Boolean::booleanValue).count();
        assertThat(faulted).isEqualTo(expected);
        assertThat(rule.timesApplied()).isEqualTo((int) expectedCount);
        assertThat(expectedCount).isBetween(30L, 70L);
        assertThat(upstreamRequests).hasValue(100 - (int) expectedCount);
    }

    static Stream<Arguments> errorRules() {
        return Stream.of(
                Arguments.of((Supplier<FaultRule>) FaultRule::provisionedThroughputExceeded, 400,
                        "ProvisionedThroughputExceededException"),
                Arguments.of((Supplier<FaultRule>) FaultRule::throttlingException, 400, "ThrottlingException"),
                Arguments.of((Supplier<FaultRule>) FaultRule::internalServerError, 500, "InternalServerError"),
                Arguments.of((Supplier<FaultRule>) FaultRule::serviceUnavailable, 503, "ServiceUnavailable"),
                Arguments.of((Supplier<FaultRule>) () -> FaultRule.error(429, "LimitExceededException"), 429,
                        "LimitExceededException"));
    }

    @ParameterizedTest
    @MethodSource("errorRules")
    void errorRulesAnswerLikeDynamoDb(Supplier<FaultRule> factory, int status, String code) throws Exception {
        FaultRule rule = factory.get();
        proxy.addRule(rule);

        HttpResponse<byte[]> response = client.send(post(PUT_ITEM, "{}"), HttpResponse.BodyHandlers.ofByteArray());

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(body).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code
                + "\",\"message\":\"Injected by FaultProxy: " + code + "\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(response.body().length));
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
        CRC32 crc = new CRC32();
        crc.update(response.body());
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(String.valueOf(crc.getValue()));
        assertThat(rule.timesApplied()).isEqualTo(1);
        assertThat(upstreamRequests).hasValue(0);
        assertThat(outcomes()).containsExactly(code);

        HttpResponse<String> second = send(post(PUT_ITEM, "{}"));
        assertThat(second.statusCode()).as("the connection survives an injected error").isEqualTo(status);
    }

    @Test
    void errorCodeInBodyOnlyLeavesOutTheErrorTypeHeader() throws Exception {
        proxy.addRule(FaultRule.provisionedThroughputExceeded().errorCodeInBodyOnly().first(1));

        HttpResponse<String> response = send(post(PUT_ITEM, "{}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
        assertThat(response.body()).startsWith(
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\"");
        assertThatThrownBy(() -> FaultRule.delay(Duration.ZERO).errorCodeInBodyOnly())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("error rules only");
    }

    @Test
    void delayHoldsTheRequestBackThenForwardsIt() throws Exception {
        FaultRule rule = FaultRule.delay(Duration.ofMillis(300)).first(1);
        proxy.addRule(rule);

        long start = System.nanoTime();
        HttpResponse<String> delayed = send(post(PUT_ITEM, "slow"));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        HttpResponse<String> normal = send(post(PUT_ITEM, "fast"));

        assertThat(delayed.statusCode()).isEqualTo(200);
        assertThat(delayed.body()).isEqualTo("slow");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(normal.body()).isEqualTo("fast");
        assertThat(rule.timesApplied()).isEqualTo(1);
        assertThat(upstreamRequests).hasValue(2);
        assertThat(outcomes()).containsExactly(RecordedRequest.OUTCOME_DELAYED, RecordedRequest.OUTCOME_FORWARDED);
    }

    @Test
    void resetConnectionFailsTheClientWithAnIoException() {
        proxy.addRule(FaultRule.resetConnection());

        assertThatThrownBy(() -> send(post(PUT_ITEM, "{}"))).isInstanceOf(IOException.class);

        assertThat(proxy.requestCount()).isPositive();
        assertThat(outcomes()).containsOnly(RecordedRequest.OUTCOME_RESET);
        assertThat(upstreamRequests).hasValue(0);
    }

    @Test
    void resetConnectionSendsNoResponseBytes() throws Exception {
        proxy.addRule(FaultRule.resetConnection().first(1));

        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(ascii("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n{}"));
            socket.getOutputStream().flush();
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                read = -1;
            }
            assertThat(read).as("no byte of a response").isEqualTo(-1);
        }
        assertThat(send(post(PUT_ITEM, "{}")).statusCode()).isEqualTo(200);
        assertThat(outcomes()).containsExactly(RecordedRequest.OUTCOME_RESET, RecordedRequest.OUTCOME_FORWARDED);
        assertThat(proxy.maxConcurrentRequests()).isEqualTo(1);
    }

    @Test
    void forOperationMatchesOnlyThatOperation() throws Exception {
        FaultRule rule = FaultRule.internalServerError().forOperation("PutItem");
        FaultRule suffixOnly = FaultRule.serviceUnavailable().forOperation("Item");
        proxy.addRule(suffixOnly).addRule(rule);

        assertThat(send(post(GET_ITEM, "{}")).statusCode()).isEqualTo(200);
        assertThat(send(post(PUT_ITEM, "{}")).statusCode()).isEqualTo(500);
        assertThat(send(post(null, "{}")).statusCode()).isEqualTo(200);

        assertThat(rule.timesApplied()).isEqualTo(1);
        assertThat(suffixOnly.timesApplied()).isZero();
        assertThat(proxy.requests()).extracting(RecordedRequest::operation)
                .containsExactly("GetItem", "PutItem", null);
    }

    @Test
    void firstApplicableRuleWinsInOrderOfAddition() throws Exception {
        proxy.addRule(FaultRule.serviceUnavailable().first(1))
                .addRule(FaultRule.throttlingException().forOperation("Query"))
                .addRule(FaultRule.internalServerError().first(2));

        List<Integer> statuses = new ArrayList<>();
        statuses.add(send(post("DynamoDB_20120810.Query", "{}")).statusCode());
        statuses.add(send(post("DynamoDB_20120810.Query", "{}")).statusCode());
        statuses.add(send(post(PUT_ITEM, "{}")).statusCode());
        statuses.add(send(post(PUT_ITEM, "{}")).statusCode());
        statuses.add(send(post(PUT_ITEM, "{}")).statusCode());
        proxy.clearRules();
        statuses.add(send(post("DynamoDB_20120810.Query", "{}")).statusCode());

        assertThat(statuses).containsExactly(503, 400, 500, 500, 200, 200);
        assertThat(outcomes()).containsExactly("ServiceUnavailable", "ThrottlingException", "InternalServerError",
                "InternalServerError", RecordedRequest.OUTCOME_FORWARDED, RecordedRequest.OUTCOME_FORWARDED);
    }

    @Test
    void recordsRequestsWithHeadersAndBody() throws Exception {
        send(request("/path?q=1")
                .header("X-Amz-Target", PUT_ITEM)
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Item\":\"é\"}"))
                .build());

        assertThat(proxy.requests()).hasSize(1);
        RecordedRequest recorded = proxy.requests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/path?q=1");
        assertThat(recorded.operation()).isEqualTo("PutItem");
        assertThat(recorded.header("x-amz-target")).isEqualTo(PUT_ITEM);
        assertThat(recorded.header("AUTHORIZATION")).startsWith("AWS4-HMAC-SHA256");
        assertThat(recorded.header("X-Missing")).isNull();
        assertThat(recorded.headers().get("x-multi")).containsExactly("a", "b");
        assertThat(recorded.bodyAsString()).isEqualTo("{\"Item\":\"é\"}");
        assertThat(recorded.body()).isEqualTo("{\"Item\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        recorded.body()[0] = 'X';
        assertThat(recorded.bodyAsString()).startsWith("{");
        assertThatThrownBy(() -> recorded.headers().put("X-New", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(recorded.outcome()).isEqualTo(RecordedRequest.OUTCOME_FORWARDED);

        proxy.clearRequests();
        assertThat(proxy.requests()).isEmpty();
        assertThat(proxy.requestCount()).isZero();
    }

    @Test
    void measuresConcurrentRequests() {
        int callers = 20;
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            responses.add(client.sendAsync(request("/")
                    .header("X-Test-Sleep-Millis", "100")
                    .POST(HttpRequest.BodyPublishers.ofString("caller " + i))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(responses.toArray(new CompletableFuture<?>[0])).orTimeout(20, TimeUnit.SECONDS).join();

        assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(proxy.maxConcurrentRequests()).isGreaterThan(1).isLessThanOrEqualTo(callers);
        assertThat(proxy.requestCount()).isEqualTo(callers);

        proxy.resetConcurrency();
        assertThat(proxy.maxConcurrentRequests()).isZero();
    }

    @Test
    void sequentialRequestsAreNeverCountedAsConcurrent() throws Exception {
        proxy.addRule(FaultRule.throttlingException().first(3));
        for (int i = 0; i < 10; i++) {
            send(post(PUT_ITEM, "{}"));
        }

        assertThat(proxy.maxConcurrentRequests()).isEqualTo(1);
    }

    @Test
    void answersBadGatewayWhenTheUpstreamIsDown() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            freePort = socket.getLocalPort();
        }
        try (FaultProxy orphan = FaultProxy.start(URI.create("http://127.0.0.1:" + freePort))) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(orphan.uri())
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(orphan.requests()).extracting(RecordedRequest::outcome)
                    .containsExactly(RecordedRequest.OUTCOME_UPSTREAM_ERROR);
        }
    }

    @Test
    void listensOnLoopbackOnAFixedPortAndClosesIdempotently() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            freePort = socket.getLocalPort();
        }
        FaultProxy fixed = FaultProxy.start(URI.create("http://localhost:" + upstream.getAddress().getPort()),
                freePort);
        try {
            assertThat(fixed.port()).isEqualTo(freePort);
            assertThat(fixed.uri()).isEqualTo(URI.create("http://127.0.0.1:" + freePort));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(fixed.uri())
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("fixed"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("fixed");
        } finally {
            fixed.close();
            fixed.close();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", freePort).close()).isInstanceOf(IOException.class);
    }

    @Test
    void closeEndsOpenConnections() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: test\r\n\r\n"));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            assertThat(RawResponse.read(in).status).isEqualTo(200);

            proxy.close();

            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThatThrownBy(() -> FaultProxy.start(URI.create("http://192.0.2.1:8000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProxy.start(URI.create("https://127.0.0.1:8000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.error(200, "Fine")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.error(400, "Bad\"Code")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.internalServerError().share(1.5, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.internalServerError().first(1).share(0.5, 1L))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FaultRule.internalServerError().forOperation(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A response read off a raw socket; only {@code Content-Length} framing, which is all the proxy sends.
     */
    private static final class RawResponse {

        final int status;
        final Map<String, String> headers;
        final String body;

        private RawResponse(int status, Map<String, String> headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
            byte[] body = in.readNBytes(length);
            return new RawResponse(Integer.parseInt(statusLine.substring(9, 12)), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("Connection closed inside a response head");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
