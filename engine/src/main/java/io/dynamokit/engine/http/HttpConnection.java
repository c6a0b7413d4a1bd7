package io.dynamokit.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection, served by its own thread from the first request to the last: it reads a request, calls the
 * handler and writes the answer itself, so that no request waits for another thread to be woken.
 */
final class HttpConnection implements Runnable {
    /** How long a refused request's remaining input is read and dropped, so that the client sees the answer. */
    private static final long LINGER_MILLIS = 1000;
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;

    private final HttpServer server;
    private final Socket socket;
    private final HttpHandler handler;
    private final RequestReader reader;
    private final ResponseWriter writer;
    /** IDLE while waiting for or reading a request, BUSY from a whole request to its answer. */
    private final AtomicInteger state = new AtomicInteger(IDLE);

    HttpConnection(HttpServer server, Socket socket, HttpHandler handler, int maxHeaderBytes, int maxBodyBytes)
            throws IOException {
        this.server = server;
        this.socket = socket;
        this.handler = handler;
        this.reader = new RequestReader(socket.getInputStream(), maxHeaderBytes, maxBodyBytes);
        this.writer = new ResponseWriter(socket.getOutputStream());
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (SocketTimeoutException e) {
            log().log(Level.FINE, "closing a connection idle for longer than its timeout");
        } catch (IOException e) {
            log().log(Level.FINE, "connection ended", e);
        } finally {
            closeSocket();
            server.ended(this);
        }
    }

    private void serve() throws IOException {
        while (true) {
            HttpRequest request;
            try {
                request = read();
            } catch (RefusedRequest refused) {
                refuse(refused);
                return;
            }
            if (request == null || !state.compareAndSet(IDLE, BUSY)) {
                return;
            }
            HttpResponse response = answer(request);
            boolean keepAlive = response != null && request.keepAlive() && !server.isClosing();
            writer.write(response != null ? response : HttpResponse.text(500, "Internal server error"),
                    request.isHead(), !keepAlive);
            // a failed exchange means the server closed this connection while it was busy
            if (!keepAlive || !state.compareAndSet(BUSY, IDLE)) {
                return;
            }
        }
    }

    private HttpRequest read() throws IOException, RefusedRequest {
        RequestReader.Head head = reader.readHead();
        if (head == null) {
            return null;
        }
        reader.checkDeclaredLength(head);
        if (head.expectsContinue() && !reader.hasBuffered()) {
            writer.writeContinue();
        }
        return head.withBody(reader.readBody(head));
    }

    /** The handler's answer; null when it failed, which is answered 500 and ends the connection. */
    private HttpResponse answer(HttpRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException | Error e) {
            log().log(Level.WARNING, "internal error serving a request", e);
            return null;
        }
    }

    /**
     * Answers a refused request, then reads and drops what the client still sends for a while before closing:
     * closing with unread input would reset the connection, and the client could lose the answer.
     */
    private void refuse(RefusedRequest refused) throws IOException {
        HttpResponse response;
        try {
            response = handler.refuse(refused.status(), refused.getMessage());
        } catch (RuntimeException e) {
            log().log(Level.WARNING, "internal error answering a refused request", e);
            response = HttpResponse.text(refused.status(), refused.getMessage());
        }
        writer.write(response, false, true);
        socket.shutdownOutput();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        InputStream in = socket.getInputStream();
        byte[] dropped = new byte[8192];
        while (true) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return;
            }
            socket.setSoTimeout((int) remaining);
            if (in.read(dropped) < 0) {
                return;
            }
        }
    }

    /** Closes the connection now if it is between requests; otherwise once its current answer is written. */
    void closeWhenIdle() {
        if (state.getAndSet(CLOSED) == IDLE) {
            closeSocket();
        }
    }

    void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log().log(Level.FINE, "closing a connection", e);
        }
    }

    /**
     * Looked up when something is logged, not when the class loads: java.util.logging's set-up costs a cold start
     * over ten milliseconds, and the engine logs only failures.
     */
    private static Logger log() {
        return Logger.getLogger(HttpConnection.class.getName());
    }
}
