package io.dynamokit.test.fault;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The upstream side of one client connection: a persistent HTTP/1.1 connection to the upstream, opened on first use
 * and reopened when the upstream closed it.
 */
final class UpstreamConnection implements Closeable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /**
     * A complete upstream response.
     */
    record Response(HttpWire.ResponseHead head, byte[] body) {
    }

    private final InetSocketAddress address;
    private final Set<Socket> openSockets;
    private final AtomicBoolean proxyClosed;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    UpstreamConnection(InetSocketAddress address, Set<Socket> openSockets, AtomicBoolean proxyClosed) {
        this.address = address;
        this.openSockets = openSockets;
        this.proxyClosed = proxyClosed;
    }

    /**
     * Sends one serialized request and reads the whole response. A request that fails on a reused connection before
     * any response byte arrived is sent again once on a new connection.
     */
    Response exchange(String method, byte[] request) throws IOException {
        if (socket != null) {
            try {
                return attempt(method, request, true);
            } catch (StaleConnectionException e) {
                close();
            }
        }
        open();
        return attempt(method, request, false);
    }

    private Response attempt(String method, byte[] request, boolean reused) throws IOException {
        try {
            boolean answered;
            try {
                out.write(request);
                out.flush();
                in.mark(1);
                answered = in.read() >= 0;
                in.reset();
            } catch (IOException e) {
                if (reused) {
                    throw new StaleConnectionException();
                }
                throw e;
            }
            if (!answered) {
                if (reused) {
                    throw new StaleConnectionException();
                }
                throw new IOException("Upstream closed the connection without answering");
            }
            Response response = readResponse(method);
            if (!reusable(response.head())) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response readResponse(String method) throws IOException {
        HttpWire.ResponseHead head;
        do {
            head = HttpReader.readResponseHead(in);
            if (head == null) {
                throw new IOException("Upstream closed the connection without answering");
            }
        } while (head.status() >= 100 && head.status() < 200 && head.status() != 101);
        if (head.status() == 101) {
            throw new IOException("Upstream switched protocols, which the proxy does not support");
        }
        boolean noBody = "HEAD".equalsIgnoreCase(method) || head.status() == 204 || head.status() == 304;
        if (noBody) {
            return new Response(head, new byte[0]);
        }
        if (HttpReader.isChunked(head.fields())) {
            return new Response(head, HttpReader.readChunked(in));
        }
        long length = HttpReader.contentLength(head.fields());
        if (length >= 0) {
            return new Response(head, HttpReader.readFixed(in, length));
        }
        byte[] body = HttpReader.readToEnd(in);
        close();
        return new Response(head, body);
    }

    private boolean reusable(HttpWire.ResponseHead head) {
        if (socket == null || HttpWire.hasToken(head.fields(), "Connection", "close")) {
            return false;
        }
        return !"HTTP/1.0".equals(head.version()) || HttpWire.hasToken(head.fields(), "Connection", "keep-alive");
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        openSockets.add(opened);
        if (proxyClosed.get()) {
            openSockets.remove(opened);
            opened.close();
            throw new IOException("Proxy closed");
        }
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address, CONNECT_TIMEOUT_MILLIS);
            in = new BufferedInputStream(opened.getInputStream());
            out = opened.getOutputStream();
            socket = opened;
        } catch (IOException e) {
            openSockets.remove(opened);
            opened.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Socket current = socket;
        socket = null;
        in = null;
        out = null;
        if (current != null) {
            openSockets.remove(current);
            try {
                current.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /**
     * A reused connection turned out to be closed by the upstream before the request could be answered.
     */
    private static final class StaleConnectionException extends IOException {

        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super("Stale upstream connection");
        }
    }
}
