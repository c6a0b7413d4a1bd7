package io.dynamokit.engine.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes answers to one connection. The status line, header fields and (up to {@value #SINGLE_WRITE_LIMIT} bytes)
 * the body go out in one write: an answer split over two small writes can wait for the client's delayed
 * acknowledgement, and one system call is cheaper than two.
 */
final class ResponseWriter {
    private static final int SINGLE_WRITE_LIMIT = 16 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Day and month names of RFC 9110's IMF-fixdate, written here: a DateTimeFormatter loads locale data. */
    private static final String[] DAYS = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
    private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec" };
    /** The Date field changes once a second; formatting it for every answer would cost more than the rest. */
    private static volatile CachedDate date = new CachedDate(0, new byte[0]);

    private final OutputStream out;
    private byte[] bytes = new byte[2048];
    private int size;

    private record CachedDate(long second, byte[] text) {
    }

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    void writeContinue() throws IOException {
        out.write(CONTINUE);
    }

    /**
     * @param headOnly the request was HEAD: the header fields (Content-Length the body's) without the body
     * @param close    the connection is closed after this answer, which says so
     */
    void write(HttpResponse response, boolean headOnly, boolean close) throws IOException {
        byte[] body = response.body();
        size = 0;
        ascii("HTTP/1.1 ");
        ascii(Integer.toString(response.status()));
        ascii(" ");
        ascii(reason(response.status()));
        ascii("\r\n");
        String[] headers = response.headers();
        for (int i = 0; i < headers.length; i += 2) {
            ascii(headers[i]);
            ascii(": ");
            ascii(headers[i + 1]);
            ascii("\r\n");
        }
        ascii("Content-Length: ");
        ascii(Integer.toString(body.length));
        ascii("\r\nDate: ");
        byte[] now = currentDate();
        append(now, 0, now.length);
        ascii(close ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n");
        boolean withBody = !headOnly && body.length > 0;
        if (withBody && size + body.length <= SINGLE_WRITE_LIMIT) {
            append(body, 0, body.length);
            out.write(bytes, 0, size);
        } else {
            out.write(bytes, 0, size);
            if (withBody) {
                out.write(body);
            }
        }
    }

    private static byte[] currentDate() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate cached = date;
        if (cached.second() != second) {
            cached = new CachedDate(second, httpDate(second).getBytes(StandardCharsets.US_ASCII));
            date = cached;
        }
        return cached.text();
    }

    /**
     * RFC 9110's IMF-fixdate of an instant, {@code Sun, 06 Nov 1994 08:49:37 GMT}, in UTC. Formatted by hand: the
     * first answer of a JVM would otherwise wait for {@code DateTimeFormatter}'s locale data (tens of milliseconds).
     */
    static String httpDate(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        StringBuilder text = new StringBuilder(29);
        text.append(DAYS[(int) Math.floorMod(day, 7L)]).append(", ");
        twoDigits(text, date.getDayOfMonth()).append(' ').append(MONTHS[date.getMonthValue() - 1]).append(' ');
        text.append(date.getYear()).append(' ');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        return twoDigits(text, secondOfDay % 60).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Text the server or its handler chose; a character outside Latin-1 (never written by them) becomes '?'. */
    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            bytes[size++] = c < 256 ? (byte) c : (byte) '?';
        }
    }

    private void append(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, 2 * bytes.length));
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }
}
