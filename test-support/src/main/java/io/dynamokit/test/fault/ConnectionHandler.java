package io.dynamokit.test.fault;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Serves a {@link FaultProxy}'s client connections, each on its own thread: reads one request after the other,
 * records it, lets the first rule that matches and applies decide what happens to it, and forwards it to the upstream
 * on the connection's own upstream connection unless the rule answered it.
 */
final class ConnectionHandler {

    private static final Logger LOG = Logger.getLogger(FaultProxy.class);

    private static final String TARGET_HEADER = "X-Amz-Target";

    private final Upstream upstreamTarget;
    private final List<FaultRule> rules;
    private final RequestLog log;
    private final InFlightCount inFlight;
    private final Set<Socket> openSockets;
    private final AtomicBoolean closed;

    /**
     * @param openSockets every client and upstream socket open, for the proxy to close them all when it closes
     * @param closed set once the proxy is closed
     */
    ConnectionHandler(Upstream upstreamTarget, List<FaultRule> rules, RequestLog log, InFlightCount inFlight,
            Set<Socket> openSockets, AtomicBoolean closed) {
        this.upstreamTarget = upstreamTarget;
        this.rules = rules;
        this.log = log;
        this.inFlight = inFlight;
        this.openSockets = openSockets;
        this.closed = closed;
    }

    /**
     * Serves one client connection until the client or the proxy closes it, then forgets it.
     */
    void serve(Socket client) {
        UpstreamConnection upstream = new UpstreamConnection(upstreamTarget.address(), openSockets, closed);
        try (upstream) {
            LOG.debugf("Connection from %s", client.getRemoteSocketAddress());
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            boolean open = true;
            while (open && !closed.get()) {
                HttpWire.RequestHead head;
                try {
                    head = HttpReader.readRequestHead(in);
                } catch (ProtocolException e) {
                    LOG.debugf("Malformed request from %s: %s", client.getRemoteSocketAddress(), e.getMessage());
                    out.write(ProxyAnswers.plain(400, e.getMessage(), false));
                    out.flush();
                    return;
                }
                if (head == null) {
                    return;
                }
                InFlightCount.Membership request = inFlight.enter();
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
     * Closes a client connection and stops tracking it.
     */
    void forget(Socket socket) {
        openSockets.remove(socket);
        FaultProxy.closeQuietly(socket);
    }

    /**
     * Handles one request whose head has been read.
     *
     * @return whether the client connection stays open for another request
     */
    private boolean handle(HttpWire.RequestHead head, Socket client, InputStream in, OutputStream out,
            UpstreamConnection upstream, InFlightCount.Membership request) throws IOException, InterruptedException {
        boolean keepAlive = keepAlive(head);
        byte[] body;
        boolean framed;
        try {
            boolean chunked = HttpReader.isChunked(head.fields());
            long length = chunked ? -1 : HttpReader.contentLength(head.fields());
            framed = chunked || length >= 0;
            if ((chunked || length > 0) && "HTTP/1.1".equals(head.version())
                    && HttpWire.hasToken(head.fields(), "Expect", "100-continue")) {
                out.write(ProxyAnswers.CONTINUE);
                out.flush();
            }
            body = chunked ? HttpReader.readChunked(in) : HttpReader.readFixed(in, Math.max(length, 0));
        } catch (ProtocolException e) {
            LOG.debugf("Malformed request body from %s: %s", client.getRemoteSocketAddress(), e.getMessage());
            respond(out, ProxyAnswers.plain(400, e.getMessage(), false), request);
            return false;
        }

        String target = HttpWire.first(head.fields(), TARGET_HEADER);
        FaultRule rule = select(target, body);
        RequestLog.Entry entry = log.record(RecordedRequest.of(head, body,
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
                    respond(out, ProxyAnswers.error(rule.fault(), keepAlive), request);
                    return keepAlive;
                case DELAY:
                    TimeUnit.NANOSECONDS.sleep(rule.fault().delay().toNanos());
                    break;
                case UNPROCESSED:
                    byte[] unprocessed = UnprocessedAnswer.body(target, body);
                    if (unprocessed != null) {
                        respond(out, ProxyAnswers.json(unprocessed, keepAlive), request);
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
                    upstreamTarget.request(head, body, framed));
            if (rule != null && rule.kind() == Fault.Kind.REWRITE_DESCRIBE_TABLE
                    && upstreamResponse.head().status() == 200) {
                response = ProxyAnswers.json(rule.rewrite().rewrite(upstreamResponse.body()), keepAlive);
            } else {
                response = ProxyAnswers.relayed(upstreamResponse, head.method(), keepAlive);
            }
        } catch (IOException e) {
            if (closed.get()) {
                throw e;
            }
            LOG.debugf("Forwarding %s %s failed: %s", head.method(), head.target(), e.toString());
            entry.correctOutcome(RecordedRequest.OUTCOME_UPSTREAM_ERROR);
            response = ProxyAnswers.plain(502, "Upstream request failed: " + e, keepAlive);
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
    private static void respond(OutputStream out, byte[] response, InFlightCount.Membership request)
            throws IOException {
        out.write(response, 0, response.length - 1);
        out.flush();
        request.leave();
        out.write(response, response.length - 1, 1);
        out.flush();
    }
}
