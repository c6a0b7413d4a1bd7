package io.dynamokit.test.fault;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a {@link FaultProxy} forwards to, and how a client's request is written for it: same method and header
 * fields, the target under the upstream's base path, {@code Host} added when missing, the body re-framed with a
 * {@code Content-Length}.
 *
 * @param address the loopback socket address to connect to
 * @param authority {@code host:port} as the upstream URI names it, for the {@code Host} field
 * @param basePath the upstream URI's path without trailing slashes, prefixed to every request target
 */
record Upstream(InetSocketAddress address, String authority, String basePath) {

    /** Fields the proxy answers itself rather than passing on: the upstream sees one complete request. */
    private static final Set<String> NOT_FORWARDED = Set.of("expect");

    /**
     * @param upstream {@code http://} on a loopback address, with an optional path
     * @throws IllegalArgumentException if the upstream is not plain HTTP on a loopback address
     */
    static Upstream of(URI upstream) {
        if (!"http".equalsIgnoreCase(upstream.getScheme()) || upstream.getHost() == null) {
            throw new IllegalArgumentException("Upstream must be an http:// URI with a host: " + upstream);
        }
        int port = upstream.getPort() < 0 ? 80 : upstream.getPort();
        InetSocketAddress address = new InetSocketAddress(loopbackAddressOf(upstream), port);
        String basePath = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return new Upstream(address, upstream.getHost() + ":" + port, basePath);
    }

    /**
     * @return the serialized request to send upstream for a client's request
     */
    byte[] request(HttpWire.RequestHead head, byte[] body, boolean framed) {
        StringBuilder text = new StringBuilder(512);
        text.append(head.method()).append(' ').append(target(head.target())).append(" HTTP/1.1")
                .append(HttpWire.CRLF);
        List<HttpWire.Field> fields = HttpWire.endToEnd(head.fields(), NOT_FORWARDED);
        for (HttpWire.Field field : fields) {
            HttpWire.appendField(text, field.name(), field.value());
        }
        if (HttpWire.first(fields, "Host") == null) {
            HttpWire.appendField(text, "Host", authority);
        }
        if (framed || body.length > 0) {
            HttpWire.appendField(text, "Content-Length", body.length);
        }
        text.append(HttpWire.CRLF);
        return HttpWire.concat(text, body);
    }

    private String target(String clientTarget) {
        String path = clientTarget;
        String lower = clientTarget.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = clientTarget.indexOf('/', clientTarget.indexOf("//") + 2);
            path = slash < 0 ? "/" : clientTarget.substring(slash);
        }
        if (basePath.isEmpty() || "*".equals(path)) {
            return path;
        }
        return basePath + path;
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

    @Override
    public String toString() {
        return authority + basePath;
    }
}
