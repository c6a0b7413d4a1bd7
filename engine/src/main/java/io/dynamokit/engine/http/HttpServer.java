package io.dynamokit.engine.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small HTTP/1.1 server for a request-answer protocol over loopback: one thread accepts connections, and each
 * connection has its own thread, which reads a request with blocking reads, calls the {@link HttpHandler} and
 * writes the answer. A call therefore costs no hand-off between threads: the JDK's server selects on one thread and
 * serves on another, two wake-ups per request, which is most of a small call's latency on loopback.
 * <p>
 * What it serves: {@code Content-Length} and chunked request bodies, {@code Expect: 100-continue}, keep-alive and
 * pipelined requests (answered in order), {@code Connection: close}, HEAD (the header fields only), TCP_NODELAY on
 * every connection. Bounded: at most {@link Settings#maxConnections()} connections (the next is answered 503 and
 * closed), a header section and a body of at most so many bytes (431 and 413), a connection idle for
 * {@link Settings#idleTimeout()} is closed. Its threads are daemon threads named after {@link Settings#threadPrefix()}.
 * {@link #close()} stops accepting, closes idle connections at once, lets busy ones write their answer, and closes
 * whatever is left after a few seconds.
 */
public final class HttpServer implements AutoCloseable {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    /** After a failed accept (out of file descriptors, say), a pause so that the acceptor does not spin. */
    private static final long ACCEPT_FAILURE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ServerSocket listener;
    private final Settings settings;
    private final HttpHandler handler;
    private final AtomicInteger threads = new AtomicInteger();
    /** Open connections; guarded by itself. */
    private final Set<HttpConnection> connections = new HashSet<>();
    private volatile boolean closing;

    /**
     * How a server runs.
     *
     * @param threadPrefix   its threads are named {@code <prefix>acceptor} and {@code <prefix>connection-N}
     * @param maxConnections connections served at once; the next ones are answered 503 and closed
     * @param maxHeaderBytes size of a request line and header section (and of a chunked body's trailers)
     * @param maxBodyBytes   size of a request body, chunked or not
     * @param idleTimeout    how long a connection may stay without sending a byte, between or within requests
     */
    public record Settings(String threadPrefix, int maxConnections, int maxHeaderBytes, int maxBodyBytes,
            Duration idleTimeout) {

        public Settings {
            if (maxConnections < 1 || maxHeaderBytes < 64 || maxBodyBytes < 0) {
                throw new IllegalArgumentException("maxConnections must be at least 1, maxHeaderBytes at least 64 "
                        + "and maxBodyBytes at least 0, were " + maxConnections + ", " + maxHeaderBytes + " and "
                        + maxBodyBytes);
            }
            if (idleTimeout.toMillis() < 1 || idleTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("idleTimeout must be between 1 ms and 24 days, was " + idleTimeout);
            }
        }

        /**
         * 1,024 connections, 64 KB of header section, 20 MB of body (more than DynamoDB's largest request), and two
         * minutes of idleness: longer than the AWS SDK keeps an idle connection (one minute), so that the client,
         * not the server, ends it (a connection the server closes just as the client reuses it fails that call).
         */
        public static Settings defaults(String threadPrefix) {
            return new Settings(threadPrefix, 1024, 64 * 1024, 20 * 1024 * 1024, Duration.ofMinutes(2));
        }

        public Settings withMaxConnections(int max) {
            return new Settings(threadPrefix, max, maxHeaderBytes, maxBodyBytes, idleTimeout);
        }

        public Settings withMaxHeaderBytes(int max) {
            return new Settings(threadPrefix, maxConnections, max, maxBodyBytes, idleTimeout);
        }

        public Settings withMaxBodyBytes(int max) {
            return new Settings(threadPrefix, maxConnections, maxHeaderBytes, max, idleTimeout);
        }

        public Settings withIdleTimeout(Duration timeout) {
            return new Settings(threadPrefix, maxConnections, maxHeaderBytes, maxBodyBytes, timeout);
        }
    }

    private HttpServer(ServerSocket listener, Settings settings, HttpHandler handler) {
        this.listener = listener;
        this.settings = settings;
        this.handler = handler;
    }

    /** Listens on {@code address:port} (port 0: an ephemeral one) and serves until {@link #close()}. */
    public static HttpServer start(InetAddress address, int port, Settings settings, HttpHandler handler)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port), Math.min(settings.maxConnections(), 1024));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        HttpServer server = new HttpServer(listener, settings, handler);
        Thread acceptor = new Thread(server::accept, settings.threadPrefix() + "acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections open now. */
    public int openConnections() {
        synchronized (connections) {
            return connections.size();
        }
    }

    boolean isClosing() {
        return closing;
    }

    private void accept() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log().log(Level.WARNING, "cannot accept a connection on port " + port(), e);
                    LockSupport.parkNanos(ACCEPT_FAILURE_PAUSE_NANOS);
                }
                continue;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        HttpConnection connection;
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            connection = new HttpConnection(this, socket, handler, settings.maxHeaderBytes(),
                    settings.maxBodyBytes());
        } catch (IOException e) {
            log().log(Level.FINE, "a connection ended as it was accepted", e);
            close(socket);
            return;
        }
        boolean refused;
        synchronized (connections) {
            if (closing) {
                close(socket);
                return;
            }
            refused = connections.size() >= settings.maxConnections();
            if (!refused) {
                connections.add(connection);
            }
        }
        if (refused) {
            refuse(socket);
            return;
        }
        Thread thread = new Thread(connection, settings.threadPrefix() + "connection-" + threads.incrementAndGet());
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            log().log(Level.WARNING, "no thread for a new connection", e);
            connection.closeSocket();
            ended(connection);
        }
    }

    /** A few hundred bytes into a new connection's empty send buffer: the write does not block the acceptor. */
    private void refuse(Socket socket) {
        try {
            HttpResponse answer = handler.refuse(503, "Too many connections: at most " + settings.maxConnections());
            new ResponseWriter(socket.getOutputStream()).write(answer, false, true);
        } catch (IOException | RuntimeException e) {
            log().log(Level.FINE, "refusing a connection over the limit", e);
        }
        close(socket);
    }

    void ended(HttpConnection connection) {
        synchronized (connections) {
            connections.remove(connection);
            if (connections.isEmpty()) {
                connections.notifyAll();
            }
        }
    }

    /**
     * Stops accepting, closes the connections between requests, and waits up to 5 s for the others to write the
     * answer they are working on (each then closes), before closing whatever is left.
     */
    @Override
    public void close() {
        List<HttpConnection> open;
        synchronized (connections) {
            if (closing) {
                return;
            }
            closing = true;
            open = new ArrayList<>(connections);
        }
        try {
            listener.close();
        } catch (IOException e) {
            log().log(Level.FINE, "closing the listening socket", e);
        }
        open.forEach(HttpConnection::closeWhenIdle);
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        synchronized (connections) {
            long remaining;
            while (!connections.isEmpty() && (remaining = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(connections, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            open = new ArrayList<>(connections);
        }
        open.forEach(HttpConnection::closeSocket);
    }

    private static void close(Socket socket) {
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
        return Logger.getLogger(HttpServer.class.getName());
    }
}
