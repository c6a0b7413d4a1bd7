package io.dynamokit.benchmarks;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A kept-alive HTTP/1.1 connection that sends prepared requests and reads their answers (framed by
 * {@code Content-Length}) with as little work as a client can do, so that a round trip's time is loopback's and the
 * server's. Requests carry a well-formed SigV4 {@code Authorization} header with a dummy signature: the engine,
 * {@link ProtocolLimitServer} and dynalite check that a request is signed, not the signature.
 */
final class KeptAliveConnection implements AutoCloseable {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
            + "Signature=0000000000000000000000000000000000000000000000000000000000000000";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder();
    private int status;

    KeptAliveConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A signed JSON 1.0 request for {@code DynamoDB_20120810.<operation>}. */
    static byte[] post(String operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST / HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
                + "X-Amz-Date: 20250101T000000Z\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** Sends a request and reads its answer; the answer's status code, its body read and dropped. */
    int call(byte[] request) throws IOException {
        int length = send(request);
        in.skipNBytes(length);
        return status;
    }

    /** Sends a request and reads its answer; the answer's body (its status code in {@link #status()}). */
    String exchange(byte[] request) throws IOException {
        int length = send(request);
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The status code of the last answer. */
    int status() {
        return status;
    }

    /** Writes the request and reads the answer's head; the length of its body, left to read. */
    private int send(byte[] request) throws IOException {
        out.write(request);
        String statusLine = readLine();
        int length = 0;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        status = Integer.parseInt(statusLine.substring(9, 12));
        return length;
    }

    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
