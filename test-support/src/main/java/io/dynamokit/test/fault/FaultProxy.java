package io.dynamokit.test.fault;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

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
    private static final String TARGET_HEADER = "X-Amz-Target";
    private static final Set<String> NOT_FORWARDED = Set.of("expect");
    private static final byte[] CONTINUE = ("HTTP/1.1 100 Continue" + HttpWire.CRLF + HttpWire.CRLF)
            .getBytes(StandardCharsets.ISO_8859_1);

    private final InetSocketAddress upstreamAddress;
    private final String upstreamAuthority;
    private final String upstreamBasePath;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor handlers;
    private final Thread acceptor;

    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FaultProxy(InetSocketAddress upstreamAddress, String upstreamAuthority, String upstreamBasePath,
            ServerSocket serverSocket) {
        this.upstreamAddress = upstreamAddress;
        this.upstreamAuthority = upstreamAuthority;
        this.upstreamBasePath = upstreamBasePath;
        this.serverSocket = serverSocket;
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
        if (!"http".equalsIgnoreCase(upstream.getScheme()) || upstream.getHost() == null) {
            throw new IllegalArgumentException("Upstream must be an http:// URI with a host: " + upstream);
        }
        int upstreamPort = upstream.getPort() < 0 ? 80 : upstream.getPort();
        InetSocketAddress upstreamAddress = new InetSocketAddress(loopbackAddressOf(upstream), upstreamPort);
        String basePath = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        ServerSocket serverSocket = null;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(loopback(), port), BACKLOG);
        } catch (IOException e) {
            closeQuietly(serverSocket);
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        FaultProxy proxy = new FaultProxy(upstreamAddress, upstream.getHost() + ":" + upstreamPort, basePath,
                serverSocket);
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
        synchronized (exchanges) {
            List<RecordedRequest> snapshot = new ArrayList<>(exchanges.size());
            for (Exchange exchange : exchanges) {
                snapshot.add(exchange.recorded);
            }
            return List.copyOf(snapshot);
        }
    }

    /**
     * Forgets the recorded requests.
     */
    public void clearRequests() {
        synchronized (exchanges) {
            exchanges.clear();
        }
    }

    /**
     * @return the number of requests seen since the start or the last {@link #clearRequests()}
     */
    public int requestCount() {
        synchronized (exchanges) {
            return exchanges.size();
        }
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
        return maxInFlight.get();
    }

    /**
     * Restarts the high-water mark of {@link #maxConcurrentRequests()} from the number of requests in progress now.
     */
    public void resetConcurrency() {
        maxInFlight.set(inFlight.get());
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
        return "FaultProxy[" + uri() + " -> " + upstreamAuthority + upstreamBasePath + "]";
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
                forget(client);
                return;
            }
            try {
                handlers.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                LOG.debugf("Fault proxy on port %d refused a connection: too many connections or closed", port());
                forget(client);
            }
        }
    }

    private void serve(Socket client) {
        UpstreamConnection upstream = new UpstreamConnection(upstreamAddress, openSockets, closed);
        try (upstream) {
            LOG.debugf("Connection from %s", client.getRemoteSocketAddress());
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            boolean open = true;
            while (open && !closed.get()) {
                HttpWire.RequestHead head;
                try {
                    head = HttpWire.readRequestHead(in);
                } catch (ProtocolException e) {
                    LOG.debugf("Malformed request from %s: %s", client.getRemoteSocketAddress(), e.getMessage());
                    out.write(plainResponse(400, e.getMessage(), false));
                    out.flush();
                    return;
                }
                if (head == null) {
                    return;
                }
                InFlight request = new InFlight();
                try {
                    open = handle(head, client, in, out, upstream, request);
                } finally {
                    request.leave();
                }
            }
        } catch (IOException e) {
            LOG.debugf("Connection from %s ended: %s", client.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            LOG.debugf("Connection from %s interrupted", client.getRemoteSocketAddress());
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Unexpected failure serving %s", client.getRemoteSocketAddress());
        } finally {
            forget(client);
        }
    }

    /**
     * Handles one request whose head has been read.
     *
     * @return whether the client connection stays open for another request
     */
    private boolean handle(HttpWire.RequestHead head, Socket client, InputStream in, OutputStream out,
            UpstreamConnection upstream, InFlight request) throws IOException, InterruptedException {
        boolean keepAlive = keepAlive(head);
        byte[] body;
        boolean framed;
        try {
            boolean chunked = HttpWire.isChunked(head.fields());
            long length = chunked ? -1 : HttpWire.contentLength(head.fields());
            framed = chunked || length >= 0;
            if ((chunked || length > 0) && "HTTP/1.1".equals(head.version())
                    && HttpWire.hasToken(head.fields(), "Expect", "100-continue")) {
                out.write(CONTINUE);
                out.flush();
            }
            body = chunked ? HttpWire.readChunked(in) : HttpWire.readFixed(in, Math.max(length, 0));
        } catch (ProtocolException e) {
            LOG.debugf("Malformed request body from %s: %s", client.getRemoteSocketAddress(), e.getMessage());
            respond(out, plainResponse(400, e.getMessage(), false), request);
            return false;
        }

        String target = HttpWire.first(head.fields(), TARGET_HEADER);
        FaultRule rule = select(target, body);
        Exchange exchange = record(RecordedRequest.of(head, body,
                rule == null ? RecordedRequest.OUTCOME_FORWARDED : rule.outcome()));
        LOG.debugf("%s %s (%s) -> %s", head.method(), head.target(), target, rule == null ? "forward" : rule);

        if (rule != null) {
            switch (rule.kind()) {
                case RESET:
                    request.leave();
                    client.setSoLinger(true, 0);
                    client.close();
                    return false;
                case ERROR:
                    respond(out, errorResponse(rule, keepAlive), request);
                    return keepAlive;
                case DELAY:
                    TimeUnit.NANOSECONDS.sleep(rule.delay().toNanos());
                    break;
                case UNPROCESSED:
                    byte[] unprocessed = unprocessedBody(target, body);
                    if (unprocessed != null) {
                        respond(out, jsonResponse(unprocessed, keepAlive), request);
                        return keepAlive;
                    }
                    break;
                case REWRITE_DESCRIBE_TABLE:
                    break;
                default:
                    throw new IllegalStateException("Unknown rule kind " + rule.kind());
            }
        }

        byte[] response;
        try {
            UpstreamConnection.Response upstreamResponse = upstream.exchange(head.method(),
                    upstreamRequest(head, body, framed));
            if (rule != null && rule.kind() == FaultRule.Kind.REWRITE_DESCRIBE_TABLE
                    && upstreamResponse.head().status() == 200) {
                response = jsonResponse(rule.rewrite().rewrite(upstreamResponse.body()), keepAlive);
            } else {
                response = relayedResponse(upstreamResponse, head.method(), keepAlive);
            }
        } catch (IOException e) {
            if (closed.get()) {
                throw e;
            }
            LOG.debugf("Forwarding %s %s failed: %s", head.method(), head.target(), e.toString());
            exchange.recorded = exchange.recorded.withOutcome(RecordedRequest.OUTCOME_UPSTREAM_ERROR);
            response = plainResponse(502, "Upstream request failed: " + e, keepAlive);
        }
        respond(out, response, request);
        return keepAlive;
    }

    private FaultRule select(String target, byte[] body) {
        for (FaultRule rule : rules) {
            if (rule.matches(target, body) && rule.tryApply()) {
                return rule;
            }
        }
        return null;
    }

    private Exchange record(RecordedRequest recorded) {
        Exchange exchange = new Exchange(recorded);
        synchronized (exchanges) {
            exchanges.add(exchange);
        }
        return exchange;
    }

    private static boolean keepAlive(HttpWire.RequestHead head) {
        if (HttpWire.hasToken(head.fields(), "Connection", "close")) {
            return false;
        }
        return !"HTTP/1.0".equals(head.version()) || HttpWire.hasToken(head.fields(), "Connection", "keep-alive");
    }

    /**
     * Writes a complete response. The request stops counting as in flight just before the last byte is written: the
     * client cannot have the whole response, and so cannot react to it, before that.
     */
    private static void respond(OutputStream out, byte[] response, InFlight request) throws IOException {
        out.write(response, 0, response.length - 1);
        out.flush();
        request.leave();
        out.write(response, response.length - 1, 1);
        out.flush();
    }

    private byte[] upstreamRequest(HttpWire.RequestHead head, byte[] body, boolean framed) {
        StringBuilder text = new StringBuilder(512);
        text.append(head.method()).append(' ').append(upstreamTarget(head.target())).append(" HTTP/1.1")
                .append(HttpWire.CRLF);
        List<HttpWire.Field> fields = HttpWire.endToEnd(head.fields(), NOT_FORWARDED);
        for (HttpWire.Field field : fields) {
            HttpWire.appendField(text, field.name(), field.value());
        }
        if (HttpWire.first(fields, "Host") == null) {
            HttpWire.appendField(text, "Host", upstreamAuthority);
        }
        if (framed || body.length > 0) {
            HttpWire.appendField(text, "Content-Length", body.length);
        }
        text.append(HttpWire.CRLF);
        return HttpWire.concat(text, body);
    }

    private String upstreamTarget(String target) {
        String path = target;
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            path = slash < 0 ? "/" : target.substring(slash);
        }
        if (upstreamBasePath.isEmpty() || "*".equals(path)) {
            return path;
        }
        return upstreamBasePath + path;
    }

    private static byte[] relayedResponse(UpstreamConnection.Response upstreamResponse, String method,
            boolean keepAlive) {
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

    private static byte[] errorResponse(FaultRule rule, boolean keepAlive) {
        byte[] body = rule.errorBody();
        StringBuilder text = new StringBuilder(256);
        text.append("HTTP/1.1 ").append(rule.status()).append(' ').append(HttpWire.reasonPhrase(rule.status()))
                .append(HttpWire.CRLF);
        HttpWire.appendField(text, "Content-Type", "application/x-amz-json-1.0");
        HttpWire.appendField(text, "x-amzn-RequestId", UUID.randomUUID());
        if (!rule.isErrorCodeInBodyOnly()) {
            HttpWire.appendField(text, "x-amzn-ErrorType", rule.errorCode());
        }
        return withChecksummedBody(text, body, keepAlive);
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

    /**
     * The body of a batch answer that leaves every entry of the request unprocessed, or null for other operations.
     */
    static byte[] unprocessedBody(String target, byte[] requestBody) {
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        String requestItems = HttpWire.jsonMember(new String(requestBody, StandardCharsets.UTF_8), "RequestItems");
        if (requestItems == null) {
            return null;
        }
        String body;
        if ("BatchWriteItem".equals(operation)) {
            body = "{\"UnprocessedItems\":" + requestItems + "}";
        } else if ("BatchGetItem".equals(operation)) {
            body = "{\"Responses\":{},\"UnprocessedKeys\":" + requestItems + "}";
        } else {
            return null;
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonResponse(byte[] body, boolean keepAlive) {
        StringBuilder text = new StringBuilder(256);
        text.append("HTTP/1.1 200 OK").append(HttpWire.CRLF);
        HttpWire.appendField(text, "Content-Type", "application/x-amz-json-1.0");
        HttpWire.appendField(text, "x-amzn-RequestId", UUID.randomUUID());
        return withChecksummedBody(text, body, keepAlive);
    }

    private static byte[] plainResponse(int status, String message, boolean keepAlive) {
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

    private void forget(Socket socket) {
        openSockets.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
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

    private static InetAddress loopbackAddressOf(URI upstream) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(upstream.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown upstream host: " + upstream, e);
        }
        InetAddress chosen = null;
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("Upstream must be on a loopback address: " + upstream);
            }
            if (chosen == null || (address instanceof Inet4Address && !(chosen instanceof Inet4Address))) {
                chosen = address;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("Unknown upstream host: " + upstream);
        }
        return chosen;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A recorded request whose outcome can still be corrected, e.g. when forwarding fails.
     */
    private static final class Exchange {

        private volatile RecordedRequest recorded;

        Exchange(RecordedRequest recorded) {
            this.recorded = recorded;
        }
    }

    /**
     * Membership of one request in the in-flight count; leaving twice has no effect.
     */
    private final class InFlight {

        private boolean counted;

        InFlight() {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            counted = true;
        }

        void leave() {
            if (counted) {
                counted = false;
                inFlight.decrementAndGet();
            }
        }
    }
}
