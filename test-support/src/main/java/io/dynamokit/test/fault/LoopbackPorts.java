package io.dynamokit.test.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports that stay the same for a given key within one JVM, whichever class loader asks.
 * <p>
 * A Quarkus test class is initialised twice, by JUnit's class loader (which builds the application and its
 * configuration) and by the application's (which runs the tests). A proxy port put into the configuration by the
 * first must be the port the second listens on; the JVM's system properties are what both see.
 */
public final class LoopbackPorts {

    private static final String PREFIX = "io.dynamokit.test.port.";

    private LoopbackPorts() {
    }

    public static int reserve(String key) {
        synchronized (System.getProperties()) {
            String known = System.getProperty(PREFIX + key);
            if (known != null) {
                return Integer.parseInt(known);
            }
            int port = freePort();
            System.setProperty(PREFIX + key, String.valueOf(port));
            return port;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
