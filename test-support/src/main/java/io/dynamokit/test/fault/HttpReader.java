package io.dynamokit.test.fault;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;

import io.dynamokit.test.fault.HttpWire.Field;
import io.dynamokit.test.fault.HttpWire.RequestHead;
import io.dynamokit.test.fault.HttpWire.ResponseHead;

/**
 * Reads HTTP/1.1 messages, request or response, from a connection: heads, framing and bodies, within limits that
 * keep a misbehaving peer from exhausting a test's memory.
 */
final class HttpReader {

    private static final int MAX_LINE_LENGTH = 16 * 1024;
    private static final int MAX_HEADER_FIELDS = 256;
    private static final long MAX_BODY_LENGTH = 64L * 1024 * 1024;

    private HttpReader() {
    }

    /**
     * Reads one line terminated by CRLF (a bare LF is tolerated).
     *
     * @return the line without its terminator, or {@code null} if the stream ended before any byte was read
     */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        boolean any = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (!any) {
                    return null;
                }
                throw new EOFException("Connection closed in the middle of a line");
            }
            any = true;
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE_LENGTH) {
                throw new ProtocolException("Line longer than " + MAX_LINE_LENGTH + " bytes");
            }
            line.append((char) b);
        }
    }

    /**
     * Reads a request line and header fields. Empty lines before the request line are skipped.
     *
     * @return the head, or {@code null} if the connection was closed before a new request started
     */
    static RequestHead readRequestHead(InputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new ProtocolException("Malformed request line: " + line);
        }
        for (int i = 0; i < parts[0].length(); i++) {
            char c = parts[0].charAt(i);
            if (c <= ' ' || c >= 127) {
                throw new ProtocolException("Malformed method: " + parts[0]);
            }
        }
        return new RequestHead(parts[0], parts[1], parts[2], readFields(in));
    }

    /**
     * Reads a status line and header fields.
     *
     * @return the head, or {@code null} if the connection was closed before any byte was read
     */
    static ResponseHead readResponseHead(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("Malformed status line: " + line);
        }
        int status;
        try {
            status = Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("Malformed status line: " + line);
        }
        String reason = line.length() > 13 ? line.substring(13) : "";
        return new ResponseHead(line.substring(0, 8), status, reason, readFields(in));
    }

    private static List<Field> readFields(InputStream in) throws IOException {
        List<Field> fields = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("Connection closed inside the header section");
            }
            if (line.isEmpty()) {
                return fields;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (fields.isEmpty()) {
                    throw new ProtocolException("Continuation line before any header field");
                }
                Field previous = fields.remove(fields.size() - 1);
                fields.add(new Field(previous.name(), previous.value() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new ProtocolException("Malformed header field: " + line);
            }
            if (fields.size() >= MAX_HEADER_FIELDS) {
                throw new ProtocolException("More than " + MAX_HEADER_FIELDS + " header fields");
            }
            fields.add(new Field(line.substring(0, colon), line.substring(colon + 1).trim()));
        }
    }

    /**
     * @return whether the message body is sent with the chunked transfer coding
     */
    static boolean isChunked(List<Field> fields) throws ProtocolException {
        String last = null;
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase("Transfer-Encoding")) {
                for (String coding : field.value().split(",")) {
                    if (!coding.isBlank()) {
                        last = coding.trim();
                    }
                }
            }
        }
        if (last == null) {
            return false;
        }
        if (!last.equalsIgnoreCase("chunked")) {
            throw new ProtocolException("Unsupported transfer coding: " + last);
        }
        return true;
    }

    /**
     * @return the declared {@code Content-Length}, or {@code -1} if there is none
     */
    static long contentLength(List<Field> fields) throws ProtocolException {
        long length = -1;
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase("Content-Length")) {
                for (String part : field.value().split(",")) {
                    long value;
                    try {
                        value = Long.parseLong(part.trim());
                    } catch (NumberFormatException e) {
                        throw new ProtocolException("Malformed Content-Length: " + field.value());
                    }
                    if (value < 0 || (length >= 0 && value != length)) {
                        throw new ProtocolException("Invalid Content-Length: " + field.value());
                    }
                    length = value;
                }
            }
        }
        return length;
    }

    /**
     * Reads exactly {@code length} bytes.
     */
    static byte[] readFixed(InputStream in, long length) throws IOException {
        if (length > MAX_BODY_LENGTH) {
            throw new ProtocolException("Body longer than " + MAX_BODY_LENGTH + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("Connection closed after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    /**
     * Reads a chunked body and returns the decoded bytes; chunk extensions and trailer fields are discarded.
     */
    static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("Connection closed before the next chunk");
            }
            int semicolon = line.indexOf(';');
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("Malformed chunk size: " + line);
            }
            if (size < 0 || body.size() + size > MAX_BODY_LENGTH) {
                throw new ProtocolException("Invalid chunk size: " + line);
            }
            if (size == 0) {
                readFields(in);
                return body.toByteArray();
            }
            body.write(readFixed(in, size));
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw new ProtocolException("Chunk not followed by CRLF");
            }
        }
    }

    /**
     * Reads until the peer closes the connection.
     */
    static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (body.size() + n > MAX_BODY_LENGTH) {
                throw new ProtocolException("Body longer than " + MAX_BODY_LENGTH + " bytes");
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }
}
