package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The complete responses a {@link FaultProxy} writes to its clients: the upstream's answer relayed, an injected
 * DynamoDB error, a JSON answer of its own, or a plain-text one when it cannot serve a request at all.
 */
final class ProxyAnswers {

    /** The interim answer to a request that waits for it before sending its body. */
    static final byte[] CONTINUE = ("HTTP/1.1 100 Continue" + HttpWire.CRLF + HttpWire.CRLF)
            .getBytes(StandardCharsets.ISO_8859_1);

    private ProxyAnswers() {
    }

    /**
     * The upstream's response as the client receives it: its status and end-to-end fields, re-framed for the
     * client's connection.
     */
    static byte[] relayed(UpstreamConnection.Response upstreamResponse, String method, boolean keepAlive) {
        HttpWire.ResponseHead head = upstreamResponse.head();
        int status = head.status();
        String reason = head.reason().isEmpty() ? HttpWire.reasonPhrase(status) : head.reason();
        StringBuilder text = new StringBuilder(512);
        text.append("HTTP/1.1 ").append(status).append(' ').append(reason).append(HttpWire.CRLF);
        for (HttpWire.Field field : HttpWire.endToEnd(head.fields(), Set.of())) {
            HttpWire.appendField(text, field.name(), field.value());
        }
        boolean headRequest = "HEAD".equalsIgnoreCase(method);
        if (headRequest) {
            String length = HttpWire.first(head.fields(), "Content-Length");
            if (length != null) {
                HttpWire.appendField(text, "Content-Length", length);
            }
        } else if (status != 204 && status != 304) {
            HttpWire.appendField(text, "Content-Length", upstreamResponse.body().length);
        }
        if (!keepAlive) {
            HttpWire.appendField(text, "Connection", "close");
        }
        text.append(HttpWire.CRLF);
        return HttpWire.concat(text, headRequest ? new byte[0] : upstreamResponse.body());
    }

    /**
     * The DynamoDB-shaped error answer of an error fault.
     */
    static byte[] error(Fault fault, boolean keepAlive) {
        byte[] body = fault.errorBody();
        StringBuilder text = new StringBuilder(256);
        text.append("HTTP/1.1 ").append(fault.status()).append(' ').append(HttpWire.reasonPhrase(fault.status()))
                .append(HttpWire.CRLF);
        HttpWire.appendField(text, "Content-Type", "application/x-amz-json-1.0");
        HttpWire.appendField(text, "x-amzn-RequestId", UUID.randomUUID());
        if (!fault.errorCodeInBodyOnly()) {
            HttpWire.appendField(text, "x-amzn-ErrorType", fault.errorCode());
        }
        return withChecksummedBody(text, body, keepAlive);
    }

    /**
     * A successful DynamoDB answer with the given JSON body.
     */
    static byte[] json(byte[] body, boolean keepAlive) {
        StringBuilder text = new StringBuilder(256);
        text.append("HTTP/1.1 200 OK").append(HttpWire.CRLF);
        HttpWire.appendField(text, "Content-Type", "application/x-amz-json-1.0");
        HttpWire.appendField(text, "x-amzn-RequestId", UUID.randomUUID());
        return withChecksummedBody(text, body, keepAlive);
    }

    /**
     * The proxy's own answer to a request it cannot serve, such as a malformed one or one the upstream failed.
     */
    static byte[] plain(int status, String message, boolean keepAlive) {
        byte[] body = (message == null ? "" : message).getBytes(StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(128);
        text.append("HTTP/1.1 ").append(status).append(' ').append(HttpWire.reasonPhrase(status))
                .append(HttpWire.CRLF);
        HttpWire.appendField(text, "Content-Type", "text/plain; charset=UTF-8");
        HttpWire.appendField(text, "Content-Length", body.length);
        if (!keepAlive) {
            HttpWire.appendField(text, "Connection", "close");
        }
        text.append(HttpWire.CRLF);
        return HttpWire.concat(text, body);
    }

    /** Ends a response head with DynamoDB's body checksum, which the SDK verifies, and the framing; adds the body. */
    private static byte[] withChecksummedBody(StringBuilder head, byte[] body, boolean keepAlive) {
        CRC32 crc = new CRC32();
        crc.update(body);
        HttpWire.appendField(head, "x-amz-crc32", crc.getValue());
        HttpWire.appendField(head, "Content-Length", body.length);
        if (!keepAlive) {
            HttpWire.appendField(head, "Connection", "close");
        }
        head.append(HttpWire.CRLF);
        return HttpWire.concat(head, body);
    }
}
