package io.dynamokit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.dynamokit.engine.http.HttpRequest;
import io.dynamokit.engine.http.HttpResponse;
import io.dynamokit.engine.http.HttpServer;

/**
 * "The limit" of {@link EngineThroughputBenchmark}: a server that speaks DynamoDB's JSON 1.0 protocol and does nothing
 * else, on the HTTP stack the engine uses (the engine's own {@link HttpServer} on 127.0.0.1 with the engine's
 * settings: a thread per connection, TCP_NODELAY), so that the engine's calls per second can be set against what that
 * stack, the same JSON parser and the same client allow at most. Each request's body is read and parsed with
 * Jackson's streaming parser to its last token (every name and value read as text), its {@code Authorization} header
 * checked for a signature, and it is answered with a fixed well-formed body for its operation, with
 * {@code x-amz-crc32}, {@code x-amzn-RequestId} and DynamoDB's content type: {@code GetItem} with
 * {@link #getItemAnswer}, any other operation with {@code {}}.
 */
final class ProtocolLimitServer implements AutoCloseable {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final byte[] getItemAnswer;
    private final String getItemCrc;
    private final String emptyCrc;

    private ProtocolLimitServer(byte[] getItemAnswer) throws IOException {
        this.getItemAnswer = getItemAnswer;
        this.getItemCrc = crc32(getItemAnswer);
        this.emptyCrc = crc32(EMPTY_OBJECT);
        this.server = HttpServer.start(InetAddress.getLoopbackAddress(), 0,
                HttpServer.Settings.defaults("protocol-limit-"), this::handle);
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
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private HttpResponse handle(HttpRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.contains("Signature=")) {
            throw new IllegalArgumentException("unsigned request");
        }
        try {
            parse(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String target = request.header("X-Amz-Target");
        boolean getItem = target != null && target.endsWith(".GetItem");
        return new HttpResponse(200, getItem ? getItemAnswer : EMPTY_OBJECT, "Content-Type", CONTENT_TYPE,
                "x-amzn-RequestId", requestId(), "x-amz-crc32", getItem ? getItemCrc : emptyCrc);
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
        server.close();
    }
}
