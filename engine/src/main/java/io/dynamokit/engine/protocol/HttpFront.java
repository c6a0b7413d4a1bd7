package io.dynamokit.engine.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dynamokit.engine.model.DynamoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * The DynamoDB JSON 1.0 protocol over the JDK's HTTP server on 127.0.0.1: {@code POST /} with
 * {@code X-Amz-Target}, answered with {@code x-amzn-RequestId}, {@code x-amz-crc32} and
 * {@code application/x-amz-json-1.0}. Every failure is a DynamoDB-shaped answer; a bug in the engine is an
 * InternalServerError without details.
 */
public final class HttpFront implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** Larger than any valid request (16 MB for a batch), so that a runaway body cannot exhaust the heap. */
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final int MAX_BODY = 20 * 1024 * 1024;
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Dispatcher dispatcher;

    private HttpFront(HttpServer server, ExecutorService executor, Dispatcher dispatcher) {
        this.server = server;
        this.executor = executor;
        this.dispatcher = dispatcher;
    }

    /** Serves the dispatcher's operations on 127.0.0.1:port (0: an ephemeral port). */
    public static HttpFront start(int port, Dispatcher dispatcher) {
        // Without TCP_NODELAY a small answer written in two parts waits for the client's delayed acknowledgement
        // (about 40 ms a request). The JDK server reads this property once, when it first starts a server.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "dynamokit-engine-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        HttpFront front = new HttpFront(server, executor, dispatcher);
        server.setExecutor(executor);
        server.createContext("/", front::handle);
        server.start();
        return front;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            if ("GET".equals(exchange.getRequestMethod())) {
                send(exchange, 200, "text/plain", "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(
                        StandardCharsets.UTF_8));
                return;
            }
            int status;
            byte[] answer;
            try {
                if (body == null) {
                    throw DynamoException.serialization("Request entity too large");
                }
                Map<String, Object> result = serve(exchange, body);
                status = 200;
                answer = Json.write(result);
            } catch (DynamoException e) {
                status = e.status();
                answer = Json.write(errorBody(e));
            } catch (RuntimeException | Error e) {
                // an answer even for a bug or a linkage error, so that the client never waits for a closed socket
                LOG.log(Level.WARNING, "internal error serving a request", e);
                DynamoException internal = DynamoException.internal("Internal server error");
                status = internal.status();
                answer = Json.write(errorBody(internal));
            }
            send(exchange, status, CONTENT_TYPE, answer);
        } catch (IOException e) {
            LOG.log(Level.FINE, "connection lost while serving a request", e);
        }
    }

    private Map<String, Object> serve(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Operation operation = dispatcher.forTarget(target);
        String region = signedRegion(exchange.getRequestHeaders().getFirst("Authorization"));
        if (region == null) {
            throw DynamoException.missingAuthenticationToken();
        }
        Map<String, Object> parsed = Json.parseObject(body);
        return operation.handle(new Request(Dispatcher.operationName(target), region, parsed));
    }

    /** The region of a SigV4 Authorization header's credential scope; null when the request is not signed. */
    static String signedRegion(String authorization) {
        if (authorization == null || !authorization.startsWith("AWS4-") || !authorization.contains("Signature=")) {
            return null;
        }
        int credential = authorization.indexOf("Credential=");
        if (credential < 0) {
            return null;
        }
        int end = authorization.indexOf(',', credential);
        String scope = authorization.substring(credential + "Credential=".length(),
                end < 0 ? authorization.length() : end).trim();
        String[] parts = scope.split("/");
        return parts.length >= 3 && !parts[2].isEmpty() ? parts[2] : "us-east-1";
    }

    private static Map<String, Object> errorBody(DynamoException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.type());
        if (e.getMessage() != null) {
            // DynamoDB's deserializer and its transaction cancellations write "Message", the service "message"
            boolean capital = e.shortType().equals("SerializationException")
                    || e.shortType().equals("TransactionCanceledException");
            body.put(capital ? "Message" : "message", e.getMessage());
        }
        if (e.item() != null) {
            body.put("Item", e.item());
        }
        List<DynamoException.CancellationReason> reasons = e.cancellationReasons();
        if (reasons != null) {
            body.put("CancellationReasons", reasons.stream().map(r -> {
                Map<String, Object> reason = new LinkedHashMap<>();
                reason.put("Item", r.item());
                reason.put("Code", r.code());
                reason.put("Message", r.message());
                return reason;
            }).toList());
        }
        return body;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return body;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String requestId() {
        char[] id = new char[52];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }
}
