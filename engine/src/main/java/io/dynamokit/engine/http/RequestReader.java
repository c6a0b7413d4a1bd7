package io.dynamokit.engine.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads HTTP/1.1 requests (RFC 9112) from one connection's input, one after the other: what follows a request in
 * the buffer (a pipelined request) is kept for the next. Bodies are framed by {@code Content-Length} or by chunked
 * transfer coding; anything the server does not accept is a {@link RefusedRequest} naming the status to answer.
 */
final class RequestReader {
    private static final byte[] EMPTY = new byte[0];
    /** A chunk-size line holds a hexadecimal size and, rarely, extensions: far less than this. */
    private static final int CHUNK_LINE_LIMIT = 4096;
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final InputStream in;
    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private byte[] buffer = new byte[8192];
    /** The unread bytes are buffer[start, end). */
    private int start;
    private int end;
    /** Bytes taken by the last line read, its line break included. */
    private int lineBytes;

    RequestReader(InputStream in, int maxHeaderBytes, int maxBodyBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A request line and header section, with the body's framing. */
    record Head(String method, String target, boolean http10, List<String> headers, long contentLength,
            boolean chunked, boolean expectsContinue) {

        HttpRequest withBody(byte[] body) {
            return new HttpRequest(method, target, http10, headers, body);
        }
    }

    /** The next request's head; null when the client closed the connection before sending one. */
    Head readHead() throws IOException, RefusedRequest {
        if (start == end) {
            start = 0;
            end = 0;
        }
        int budget = maxHeaderBytes;
        String requestLine;
        do {
            // a client may send line breaks between requests (RFC 9112, 2.2)
            requestLine = readLine(budget, 431, "Request header section too large", true);
            if (requestLine == null) {
                return null;
            }
            budget -= lineBytes;
        } while (requestLine.isEmpty());
        int firstSpace = requestLine.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace <= firstSpace + 1 || requestLine.indexOf(' ', secondSpace + 1) >= 0
                || !isToken(requestLine, 0, firstSpace)) {
            throw new RefusedRequest(400, "Malformed request line");
        }
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, secondSpace);
        String version = requestLine.substring(secondSpace + 1);
        boolean http10 = version.equals("HTTP/1.0");
        if (!http10 && !version.equals("HTTP/1.1")) {
            if (version.matches("HTTP/[0-9]\\.[0-9]")) {
                throw new RefusedRequest(505, "HTTP version not supported: " + version);
            }
            throw new RefusedRequest(400, "Malformed request line");
        }
        List<String> headers = new ArrayList<>(24);
        while (true) {
            String line = readLine(budget, 431, "Request header section too large", false);
            budget -= lineBytes;
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new RefusedRequest(400, "Folded header field");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, 0, colon)) {
                throw new RefusedRequest(400, "Malformed header field");
            }
            headers.add(line.substring(0, colon));
            headers.add(line.substring(colon + 1).strip());
        }
        return framed(method, target, http10, headers);
    }

    private static Head framed(String method, String target, boolean http10, List<String> headers)
            throws RefusedRequest {
        String transferEncoding = null;
        String contentLength = null;
        String expect = null;
        for (int i = 0; i < headers.size(); i += 2) {
            String name = headers.get(i);
            String value = headers.get(i + 1);
            if (name.equalsIgnoreCase("Transfer-Encoding")) {
                transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                for (String element : value.split(",", -1)) {
                    String length = element.strip();
                    if (contentLength != null && !contentLength.equals(length)) {
                        throw new RefusedRequest(400, "Conflicting Content-Length values");
                    }
                    contentLength = length;
                }
            } else if (name.equalsIgnoreCase("Expect")) {
                expect = value;
            }
        }
        boolean chunked = false;
        long length = 0;
        if (transferEncoding != null) {
            if (contentLength != null) {
                throw new RefusedRequest(400, "Both Transfer-Encoding and Content-Length");
            }
            if (!transferEncoding.strip().equalsIgnoreCase("chunked")) {
                throw new RefusedRequest(501, "Transfer-Encoding not supported: " + transferEncoding);
            }
            chunked = true;
        } else if (contentLength != null) {
            if (contentLength.isEmpty() || contentLength.length() > 18 || !digits(contentLength, 10)) {
                throw new RefusedRequest(400, "Malformed Content-Length");
            }
            length = Long.parseLong(contentLength);
        }
        boolean expectsContinue = false;
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw new RefusedRequest(417, "Expectation not supported: " + expect);
            }
            expectsContinue = !http10 && (chunked || length > 0);
        }
        return new Head(method, target, http10, headers, length, chunked, expectsContinue);
    }

    /** 413 when the head announces a body over the limit, before any of it is read. */
    void checkDeclaredLength(Head head) throws RefusedRequest {
        if (head.contentLength() > maxBodyBytes) {
            throw tooLarge();
        }
    }

    /** Whether bytes beyond the head have arrived already (a client that did not wait for 100 Continue). */
    boolean hasBuffered() {
        return start < end;
    }

    byte[] readBody(Head head) throws IOException, RefusedRequest {
        if (head.chunked()) {
            return readChunked();
        }
        checkDeclaredLength(head);
        if (head.contentLength() == 0) {
            return EMPTY;
        }
        byte[] body = new byte[(int) head.contentLength()];
        readFully(body, 0, body.length);
        return body;
    }

    private byte[] readChunked() throws IOException, RefusedRequest {
        byte[] body = new byte[1024];
        int size = 0;
        while (true) {
            String line = readLine(CHUNK_LINE_LIMIT, 400, "Malformed chunk size", false);
            int extensions = line.indexOf(';');
            String hex = (extensions < 0 ? line : line.substring(0, extensions)).strip();
            if (hex.isEmpty() || hex.length() > 8 || !digits(hex, 16)) {
                throw new RefusedRequest(400, "Malformed chunk size");
            }
            long chunk = Long.parseLong(hex, 16);
            if (chunk == 0) {
                readTrailers();
                return Arrays.copyOf(body, size);
            }
            if (size + chunk > maxBodyBytes) {
                throw tooLarge();
            }
            if (size + chunk > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(maxBodyBytes, Math.max(size + chunk, 2L * body.length)));
            }
            readFully(body, size, (int) chunk);
            size += (int) chunk;
            if (!readLine(CHUNK_LINE_LIMIT, 400, "Malformed chunk", false).isEmpty()) {
                throw new RefusedRequest(400, "Malformed chunk");
            }
        }
    }

    /** Trailer fields are read and dropped: nothing here needs them. */
    private void readTrailers() throws IOException, RefusedRequest {
        int budget = maxHeaderBytes;
        String line;
        do {
            line = readLine(budget, 431, "Request trailer section too large", false);
            budget -= lineBytes;
        } while (!line.isEmpty());
    }

    private RefusedRequest tooLarge() {
        return new RefusedRequest(413, "Request body larger than " + maxBodyBytes + " bytes");
    }

    /**
     * The next line without its line break (CRLF, or a lone LF as RFC 9112 allows); null when {@code mayEnd} and the
     * stream ends before the line's first byte. A line longer than {@code limit} bytes is refused with
     * {@code status}.
     */
    private String readLine(int limit, int status, String reason, boolean mayEnd) throws IOException, RefusedRequest {
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int length = i + 1 - start;
                    if (length > limit) {
                        throw new RefusedRequest(status, reason);
                    }
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                    lineBytes = length;
                    start = i + 1;
                    return line;
                }
            }
            scanned = end - start;
            if (scanned >= limit) {
                throw new RefusedRequest(status, reason);
            }
            if (!fill()) {
                if (mayEnd && start == end) {
                    return null;
                }
                throw new EOFException("connection closed within a request");
            }
        }
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        int buffered = Math.min(length, end - start);
        System.arraycopy(buffer, start, target, offset, buffered);
        start += buffered;
        int read = buffered;
        while (read < length) {
            int n = in.read(target, offset + read, length - read);
            if (n < 0) {
                throw new EOFException("connection closed within a request body");
            }
            read += n;
        }
    }

    /** Reads more into the buffer, moving or growing it when full; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (end == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    private static boolean isToken(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every character is an ASCII digit of the radix (10 or 16): HTTP's DIGIT and HEXDIG, never the other
     * digits Unicode knows. A loop, not a stream: a stream here was a cold start's first lambda.
     */
    private static boolean digits(String text, int radix) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9'
                    || radix == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
            if (!digit) {
                return false;
            }
        }
        return true;
    }
}
