package io.dynamokit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One DynamoDB {@code ListTables} request over a plain socket, the same bytes for every server: the lightest client
 * there is, so that a start-up figure is the server's and not the time a client takes to load its own classes. The
 * request carries a well-formed SigV4 {@code Authorization} header (the engine accepts any signed request; it does not
 * check signatures) and {@code Connection: close}, so the answer ends where the stream ends.
 */
final class FirstRequest {

    static final String TARGET = "DynamoDB_20120810.ListTables";
    private static final String BODY = "{}";
    private static final String REQUEST = "POST / HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: " + TARGET + "\r\n"
            + "X-Amz-Date: 20250101T000000Z\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
            + "Signature=0000000000000000000000000000000000000000000000000000000000000000\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "Connection: close\r\n"
            + "\r\n"
            + BODY;

    private FirstRequest() {
    }

    /** What came back: the status code of the status line and everything after the header block. */
    record Answer(int status, String body) {
    }

    static Answer send(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                throw new IOException("not an HTTP answer: " + text);
            }
            int headerEnd = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(text.substring(9, 12)),
                    headerEnd < 0 ? "" : text.substring(headerEnd + 4));
        }
    }
}
