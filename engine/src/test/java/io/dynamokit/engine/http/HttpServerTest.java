package io.dynamokit.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dynamokit.engine.support.RawHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's HTTP/1.1 server over raw sockets: framing, connection handling, limits and closing. */
class HttpServerTest {
    private static final String PREFIX = "http-test-";

    private final AtomicInteger handled = new AtomicInteger();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowReleased = new CountDownLatch(1);
    private HttpServer server;

    /** Answers "METHOD target body" with the body's length in a header; /slow waits for the test, /fail throws. */
    private HttpResponse echo(HttpRequest request) {
        handled.incrementAndGet();
        if (request.target().equals("/fail")) {
            throw new IllegalStateException("a handler bug");
        }
        if (request.target().equals("/slow")) {
            slowEntered.countDown();
            try {
                assertThat(slowReleased.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text = request.method() + " " + request.target() + " "
                + new String(request.body(), StandardCharsets.UTF_8);
        return new HttpResponse(200, text.getBytes(StandardCharsets.UTF_8), "X-Body-Length",
                Integer.toString(request.body().length));
    }

    private int start(HttpServer.Settings settings) throws IOException {
        server = HttpServer.start(InetAddress.getLoopbackAddress(), 0, settings, this::echo);
        return server.port();
    }

    private int start() throws IOException {
        return start(HttpServer.Settings.defaults(PREFIX).withMaxBodyBytes(1000).withMaxHeaderBytes(1024));
    }

    @AfterEach
    void stop() {
        slowReleased.countDown();
        if (server != null) {
            server.close();
        }
    }

    private static String post(String target, String body, String... headers) {
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers)
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void keepAliveServesRequestsOneAfterTheOtherOnOneConnection() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Answer answer = client.send(post("/" + i, "{\"n\":" + i + "}")).read();
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.text()).isEqualTo("POST /" + i + " {\"n\":" + i + "}");
                assertThat(answer.header("Connection")).isNull();
                assertThat(answer.header("Date")).endsWith(" GMT");
            }
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            client.send(post("/a", "first") + "GET /b HTTP/1.1\r\nHost: localhost\r\n\r\n" + post("/c", "third"));
            assertThat(client.read().text()).isEqualTo("POST /a first");
            assertThat(client.read().text()).isEqualTo("GET /b ");
            assertThat(client.read().text()).isEqualTo("POST /c third");
        }
    }

    @Test
    void chunkedBodyIsDecodedAndTheConnectionGoesOn() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            client.send("POST /chunked HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n1;name=value\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: ignored\r\n\r\n");
            RawHttp.Answer answer = client.read();
            assertThat(answer.text()).isEqualTo("POST /chunked hello 0123456789");
            assertThat(answer.header("X-Body-Length")).isEqualTo("16");
            assertThat(client.send(post("/next", "x")).read().text()).isEqualTo("POST /next x");
        }
    }

    @Test
    void expectContinueGetsAnInterimAnswerBeforeTheBodyIsSent() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            client.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 4\r\n\r\n");
            RawHttp.Answer interim = client.readHead();
            assertThat(interim.status()).isEqualTo(100);
            assertThat(handled).hasValue(0);
            RawHttp.Answer answer = client.send("body").read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("POST /upload body");
        }
    }

    @Test
    void expectContinueWithABodyOverTheLimitIsRefusedWithoutAskingForIt() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            RawHttp.Answer answer = client.send("POST / HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 1001\r\n\r\n").read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text()).isEqualTo("Request body larger than 1000 bytes\n");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndTheConnectionClosed() throws IOException {
        int port = start();
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send(post("/", "x".repeat(1001))).read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3e8\r\n" + "x".repeat(1000) + "\r\n1\r\nx\r\n0\r\n\r\n").read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawHttp client = new RawHttp(port)) {
            assertThat(client.send(post("/", "x".repeat(1000))).read().header("X-Body-Length")).isEqualTo("1000");
        }
        assertThat(handled).hasValue(1);
    }

    @Test
    void malformedRequestsAreRefusedWith400AndTheConnectionClosed() throws IOException {
        int port = start();
        assertRefused(port, "GARBAGE\r\n\r\n", 400, "Malformed request line");
        assertRefused(port, "GET /\r\n\r\n", 400, "Malformed request line");
        assertRefused(port, "GET  / HTTP/1.1\r\n\r\n", 400, "Malformed request line");
        assertRefused(port, "G(T / HTTP/1.1\r\n\r\n", 400, "Malformed request line");
        assertRefused(port, "GET / HTTP/2.0\r\n\r\n", 505, "HTTP version not supported: HTTP/2.0");
        assertRefused(port, "GET / HTTP/1.1\r\nNo colon\r\n\r\n", 400, "Malformed header field");
        assertRefused(port, "GET / HTTP/1.1\r\nBad name: x\r\n\r\n", 400, "Malformed header field");
        assertRefused(port, "GET / HTTP/1.1\r\nA: x\r\n folded\r\n\r\n", 400, "Folded header field");
        assertRefused(port, "POST / HTTP/1.1\r\nContent-Length: 12a\r\n\r\n", 400, "Malformed Content-Length");
        assertRefused(port, "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx", 400,
                "Conflicting Content-Length values");
        assertRefused(port, "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
                "Both Transfer-Encoding and Content-Length");
        assertRefused(port, "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
                "Transfer-Encoding not supported: gzip, chunked");
        assertRefused(port, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400,
                "Malformed chunk size");
        assertRefused(port, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxy\r\n", 400,
                "Malformed chunk");
        assertRefused(port, "POST / HTTP/1.1\r\nExpect: something\r\nContent-Length: 0\r\n\r\n", 417,
                "Expectation not supported: something");
        assertRefused(port, "GET / HTTP/1.1\r\nX-Long: " + "a".repeat(1024) + "\r\n\r\n", 431,
                "Request header section too large");
        assertRefused(port, "GET /" + "a".repeat(2000), 431, "Request header section too large");
        assertThat(handled).hasValue(0);
    }

    private static void assertRefused(int port, String request, int status, String reason) {
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send(request).read();
            assertThat(answer.status()).as(request).isEqualTo(status);
            assertThat(answer.text()).as(request).isEqualTo(reason + "\n");
            assertThat(answer.header("Connection")).as(request).isEqualTo("close");
            assertThat(client.closedByServer()).as(request).isTrue();
        }
    }

    @Test
    void aClientClosingWithinTheBodyEndsOnlyItsConnection() throws IOException {
        int port = start();
        try (RawHttp served = new RawHttp(port)) {
            assertThat(served.send(post("/before", "x")).read().status()).isEqualTo(200);
            try (RawHttp leaving = new RawHttp(port)) {
                leaving.send("POST /cut HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + "x".repeat(10));
                await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 2);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 1);
            assertThat(served.send(post("/after", "y")).read().text()).isEqualTo("POST /after y");
        }
        assertThat(handled).hasValue(2);
    }

    @Test
    void manyConnectionsAreServedAtOnce() throws Exception {
        int port = start();
        int count = 200;
        CountDownLatch allOpen = new CountDownLatch(count);
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = "client-" + i;
                answers.add(clients.submit(() -> {
                    try (RawHttp client = new RawHttp(port)) {
                        String first = client.send(post("/", body)).read().text();
                        allOpen.countDown();
                        assertThat(allOpen.await(30, TimeUnit.SECONDS)).isTrue();
                        return first + "|" + client.send(post("/again", body)).read().text();
                    }
                }));
            }
            for (int i = 0; i < count; i++) {
                assertThat(answers.get(i).get(60, TimeUnit.SECONDS))
                        .isEqualTo("POST / client-" + i + "|POST /again client-" + i);
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
    }

    @Test
    void connectionsOverTheLimitAreAnswered503AndClosed() throws IOException {
        int port = start(HttpServer.Settings.defaults(PREFIX).withMaxConnections(2));
        try (RawHttp first = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            first.send(post("/1", "")).read();
            second.send(post("/2", "")).read();
            try (RawHttp third = new RawHttp(port)) {
                RawHttp.Answer answer = third.read();
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.text()).isEqualTo("Too many connections: at most 2\n");
                assertThat(answer.header("Connection")).isEqualTo("close");
                assertThat(third.closedByServer()).isTrue();
            }
            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 1);
            try (RawHttp fourth = new RawHttp(port)) {
                assertThat(fourth.send(post("/4", "")).read().status()).isEqualTo(200);
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheTimeout() throws IOException {
        int port = start(HttpServer.Settings.defaults(PREFIX).withIdleTimeout(Duration.ofMillis(200)));
        try (RawHttp client = new RawHttp(port)) {
            assertThat(client.send(post("/", "x")).read().status()).isEqualTo(200);
            assertThat(client.closedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
    }

    @Test
    void connectionCloseAndHttp10EndTheConnectionAfterTheAnswer() throws IOException {
        int port = start();
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send(post("/", "x", "Connection: close\r\n")).read();
            assertThat(answer.text()).isEqualTo("POST / x");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawHttp client = new RawHttp(port)) {
            RawHttp.Answer answer = client.send("GET /old HTTP/1.0\r\n\r\n").read();
            assertThat(answer.text()).isEqualTo("GET /old ");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void headGetsTheHeaderFieldsWithoutTheBody() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            RawHttp.Answer head = client.send("HEAD /h HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("8");
            assertThat(client.send(post("/next", "")).read().text()).isEqualTo("POST /next ");
        }
    }

    @Test
    void aFailingHandlerIsAnswered500AndTheConnectionClosed() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            RawHttp.Answer answer = client.send(post("/fail", "")).read();
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.text()).isEqualTo("Internal server error\n");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void closingAnswersTheRequestInProgressAndClosesEveryConnection() throws Exception {
        int port = start();
        try (RawHttp idle = new RawHttp(port); RawHttp busy = new RawHttp(port)) {
            assertThat(idle.send(post("/", "")).read().status()).isEqualTo(200);
            busy.send(post("/slow", "last"));
            assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
            assertThat(idle.closedByServer()).isTrue();
            assertThat(closed).isNotDone();
            slowReleased.countDown();
            RawHttp.Answer answer = busy.read();
            assertThat(answer.text()).isEqualTo("POST /slow last");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(busy.closedByServer()).isTrue();
            closed.get(10, TimeUnit.SECONDS);
        }
        assertThat(server.openConnections()).isZero();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void threadsAreNamedDaemonThreads() throws IOException {
        try (RawHttp client = new RawHttp(start())) {
            client.send(post("/", "")).read();
            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith(PREFIX)).toList();
            assertThat(threads).extracting(Thread::getName)
                    .contains(PREFIX + "acceptor")
                    .anyMatch(name -> name.matches(PREFIX + "connection-\\d+"));
            assertThat(threads).allMatch(Thread::isDaemon);
        }
    }
}
