package io.dynamokit.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * "The limit" of {@link EngineThroughputBenchmark}: a server that speaks DynamoDB's JSON 1.0 protocol and does nothing
 * else, on the HTTP stack the engine uses (the JDK's {@code HttpServer} on 127.0.0.1, TCP_NODELAY, a fixed pool of
 * the engine's size), so that the engine's calls per second can be set against what that stack, the same JSON parser
 * and the same client allow at most. Each request's body is read and parsed with Jackson's streaming parser to its
 * last token (every name and value read as text), its {@code Authorization} header checked for a signature, and it is
 * answered with a fixed well-formed body for its operation, with {@code x-amz-crc32}, {@code x-amzn-RequestId} and
 * DynamoDB's content type: {@code GetItem} with {@link #getItemAnswer}, any other operation with {@code {}}.
 */
final class ProtocolLimitServer implements AutoCloseable {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final byte[] getItemAnswer;
    private final String getItemCrc;
    private final String emptyCrc;

    private ProtocolLimitServer(byte[] getItemAnswer) throws IOException {
        // the engine sets the same property before it starts its server (an answer written in two parts would
        // otherwise wait for the client's delayed acknowledgement)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.getItemAnswer = getItemAnswer;
        this.getItemCrc = crc32(getItemAnswer);
        this.emptyCrc = crc32(EMPTY_OBJECT);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "protocol-limit-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @param getItemAnswer the body every {@code GetItem} is answered with, such as {@code {"Item": {...}}}
     */
    static ProtocolLimitServer start(String getItemAnswer) {
        try {
            return new ProtocolLimitServer(getItemAnswer.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.contains("Signature=")) {
                throw new IOException("unsigned request");
            }
            parse(body);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean getItem = target != null && target.endsWith(".GetItem");
            byte[] answer = getItem ? getItemAnswer : EMPTY_OBJECT;
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
            exchange.getResponseHeaders().set("x-amz-crc32", getItem ? getItemCrc : emptyCrc);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** Reads every token; the parser checks that the body is well-formed JSON. */
    private static int parse(byte[] body) throws IOException {
        int length = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    length += parser.getText().length();
                }
            }
        }
        return length;
    }

    private static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }

    private static String requestId() {
        char[] id = new char[52];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
