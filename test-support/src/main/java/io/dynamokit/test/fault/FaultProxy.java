package io.dynamokit.test.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * A fault-injecting HTTP/1.1 proxy for tests, listening on {@code 127.0.0.1} only and forwarding to a loopback
 * upstream such as DynamoKit Engine.
 * <p>
 * Point a DynamoDB client's endpoint at {@link #uri()}; every request is recorded ({@link #requests()}), checked
 * against the {@linkplain #addRule(FaultRule) rules} in the order they were added, and either answered by the first
 * rule that matches and applies, or forwarded to the upstream with its response relayed back (changed, for a rule
 * that rewrites answers). Client connections are kept alive for as many requests as the client wants.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(URI.create("http://127.0.0.1:8000"))) {
 *     proxy.addRule(FaultRule.provisionedThroughputExceeded().first(2));
 *     // build the client with endpointOverride(proxy.uri()) and call it
 *     assertThat(proxy.requestCount()).isEqualTo(3);
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FaultProxy.class);

    private static final int MAX_CONNECTIONS = 256;
    private static final int BACKLOG = 128;

    private final Upstream upstream;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor handlers;
    private final Thread acceptor;
    private final ConnectionHandler connections;

    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final RequestLog log = new RequestLog();
    private final InFlightCount inFlight = new InFlightCount();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FaultProxy(Upstream upstream, ServerSocket serverSocket) {
        this.upstream = upstream;
        this.serverSocket = serverSocket;
        this.connections = new ConnectionHandler(upstream, rules, log, inFlight, openSockets, closed);
        int port = serverSocket.getLocalPort();
        this.handlers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("fault-proxy-" + port + "-connection-"));
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-" + port + "-acceptor");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a proxy on an ephemeral port of {@code 127.0.0.1}.
     *
     * @param upstream the server to forward to, {@code http://} on a loopback address, e.g.
     *        {@code http://127.0.0.1:8000}; a path, if any, is prefixed to every forwarded request target
     * @return the running proxy
     * @throws IllegalArgumentException if the upstream is not plain HTTP on a loopback address
     * @throws UncheckedIOException if the proxy cannot listen
     */
    public static FaultProxy start(URI upstream) {
        return start(upstream, 0);
    }

    /**
     * Starts a proxy on the given port of {@code 127.0.0.1}.
     *
     * @param upstream the server to forward to, {@code http://} on a loopback address
     * @param port the port to listen on, {@code 0} for an ephemeral one
     * @return the running proxy
     * @throws IllegalArgumentException if the upstream is not plain HTTP on a loopback address
     * @throws UncheckedIOException if the proxy cannot listen, e.g. because the port is taken
     */
    public static FaultProxy start(URI upstream, int port) {
        Objects.requireNonNull(upstream, "upstream");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port: " + port);
        }
        Upstream target = Upstream.of(upstream);
        ServerSocket serverSocket = null;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(loopback(), port), BACKLOG);
        } catch (IOException e) {
            closeQuietly(serverSocket);
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        FaultProxy proxy = new FaultProxy(target, serverSocket);
        proxy.acceptor.start();
        LOG.debugf("Fault proxy listening on %s, forwarding to %s", proxy.uri(), upstream);
        return proxy;
    }

    /**
     * @return {@code http://127.0.0.1:<port>}, the endpoint to give to the client under test
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * @return the port the proxy listens on
     */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Adds a rule after the existing ones. Rules are evaluated in the order they were added; the first one that
     * matches a request and still applies to it decides what happens to that request.
     *
     * @param rule the rule; keep a reference to read {@link FaultRule#timesApplied()} later
     * @return this proxy
     */
    public FaultProxy addRule(FaultRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /**
     * Removes all rules: from now on every request is forwarded unchanged.
     */
    public void clearRules() {
        rules.clear();
    }

    /**
     * @return a snapshot of the requests seen since the start or the last {@link #clearRequests()}, in arrival order,
     *         including the ones a rule answered, delayed or reset
     */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /**
     * Forgets the recorded requests.
     */
    public void clearRequests() {
        log.clear();
    }

    /**
     * @return the number of requests seen since the start or the last {@link #clearRequests()}
     */
    public int requestCount() {
        return log.size();
    }

    /**
     * The highest number of requests that were in progress inside the proxy at the same time since the start or the
     * last {@link #resetConcurrency()}. A request is in progress from the moment its head has been read until its
     * response has been written or its connection reset; the last byte of a response is written only after the
     * request stopped counting, so that a client sending a new request in reaction to a complete response is never
     * counted together with the request it reacts to.
     *
     * @return the high-water mark of concurrent requests
     */
    public int maxConcurrentRequests() {
        return inFlight.max();
    }

    /**
     * Restarts the high-water mark of {@link #maxConcurrentRequests()} from the number of requests in progress now.
     */
    public void resetConcurrency() {
        inFlight.resetMax();
    }

    /**
     * Stops listening and closes every client and upstream connection. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        handlers.shutdownNow();
        try {
            if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.debugf("Fault proxy on port %d: connection handlers still running after close",
                        serverSocket.getLocalPort());
            }
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debugf("Fault proxy on port %d closed", serverSocket.getLocalPort());
    }

    @Override
    public String toString() {
        return "FaultProxy[" + uri() + " -> " + upstream + "]";
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                LOG.debugf(e, "Fault proxy on port %d failed to accept a connection", port());
                pause();
                continue;
            }
            openSockets.add(client);
            if (closed.get()) {
                connections.forget(client);
                return;
            }
            try {
                handlers.execute(() -> connections.serve(client));
            } catch (RejectedExecutionException e) {
                LOG.debugf("Fault proxy on port %d refused a connection: too many connections or closed", port());
                connections.forget(client);
            }
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debugf("Ignoring failure to close %s: %s", closeable, e.toString());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] { 127, 0, 0, 1 });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
