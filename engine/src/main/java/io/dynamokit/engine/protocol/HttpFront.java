package io.dynamokit.engine.protocol;

import io.dynamokit.engine.http.HttpHandler;
import io.dynamokit.engine.http.HttpRequest;
import io.dynamokit.engine.http.HttpResponse;
import io.dynamokit.engine.http.HttpServer;
import io.dynamokit.engine.model.DynamoException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * The DynamoDB JSON 1.0 protocol over the engine's {@link HttpServer} on 127.0.0.1: {@code POST /} with
 * {@code X-Amz-Target}, answered with {@code x-amzn-RequestId}, {@code x-amz-crc32} and
 * {@code application/x-amz-json-1.0}; {@code GET} answers DynamoDB's health text. Every failure is a DynamoDB-shaped
 * answer; a bug in the engine is an InternalServerError without details.
 */
public final class HttpFront implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** Larger than any valid request (16 MB for a batch), so that a runaway body cannot exhaust the heap. */
    private static final int MAX_BODY = 20 * 1024 * 1024;
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private HttpFront(HttpServer server) {
        this.server = server;
    }

    /** Serves the dispatcher's operations on 127.0.0.1:port (0: an ephemeral port). */
    public static HttpFront start(int port, Dispatcher dispatcher) {
        HttpServer.Settings settings = HttpServer.Settings.defaults("dynamokit-engine-").withMaxBodyBytes(MAX_BODY);
        try {
            return new HttpFront(HttpServer.start(InetAddress.getLoopbackAddress(), port, settings,
                    new Handler(dispatcher)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class Handler implements HttpHandler {
        private final Dispatcher dispatcher;

        Handler(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            if (request.method().equals("GET")) {
                return answer(200, "text/plain", HEALTHY);
            }
            int status;
            byte[] body;
            try {
                Map<String, Object> result = serve(request);
                status = 200;
                body = Json.write(result);
            } catch (DynamoException e) {
                status = e.status();
                body = Json.write(errorBody(e));
            } catch (RuntimeException | Error e) {
                // an answer even for a bug or a linkage error, so that the client never waits for a closed socket
                log().log(Level.WARNING, "internal error serving a request", e);
                DynamoException internal = DynamoException.internal("Internal server error");
                status = internal.status();
                body = Json.write(errorBody(internal));
            }
            return answer(status, CONTENT_TYPE, body);
        }

        /** A body over the limit is a SerializationException, as DynamoDB words it; other refusals plain text. */
        @Override
        public HttpResponse refuse(int status, String reason) {
            if (status == 413) {
                return answer(413, CONTENT_TYPE, Json.write(errorBody(
                        DynamoException.serialization("Request entity too large"))));
            }
            return HttpHandler.super.refuse(status, reason);
        }

        private Map<String, Object> serve(HttpRequest request) {
            String target = request.header("X-Amz-Target");
            Operation operation = dispatcher.forTarget(target);
            String region = signedRegion(request.header("Authorization"));
            if (region == null) {
                throw DynamoException.missingAuthenticationToken();
            }
            Map<String, Object> parsed = Json.parseObject(request.body());
            return operation.handle(new Request(Dispatcher.operationName(target), region, parsed));
        }
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
        // access key / date / region / service / aws4_request: the third part, found without a regular expression
        int first = scope.indexOf('/');
        int second = first < 0 ? -1 : scope.indexOf('/', first + 1);
        if (second < 0) {
            return "us-east-1";
        }
        int third = scope.indexOf('/', second + 1);
        String region = scope.substring(second + 1, third < 0 ? scope.length() : third);
        return region.isEmpty() ? "us-east-1" : region;
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

    private static HttpResponse answer(int status, String contentType, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return new HttpResponse(status, body, "Content-Type", contentType, "x-amzn-RequestId", requestId(),
                "x-amz-crc32", Long.toString(crc.getValue()));
    }

    private static String requestId() {
        char[] id = new char[52];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    /**
     * Looked up when something is logged, not when the class loads: java.util.logging's set-up costs a cold start
     * over ten milliseconds, and the engine logs only failures.
     */
    private static Logger log() {
        return Logger.getLogger(HttpFront.class.getName());
    }
}
