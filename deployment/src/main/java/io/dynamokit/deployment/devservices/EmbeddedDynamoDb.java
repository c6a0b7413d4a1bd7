package io.dynamokit.deployment.devservices;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * DynamoDB Local running in this JVM, on loopback only, with its telemetry disabled.
 */
final class EmbeddedDynamoDb implements Closeable {

    static final String LOOPBACK = "127.0.0.1";

    /** What a running instance was started with; a change of any of these needs a new instance. */
    record Settings(Integer port, Path dbPath) {

        static Settings inMemory(Integer port) {
            return new Settings(port, null);
        }

        boolean isInMemory() {
            return dbPath == null;
        }

        String describe() {
            return isInMemory() ? "in memory" : "data in " + dbPath;
        }
    }

    private final DynamoDBProxyServer server;
    private final Settings settings;
    private final int port;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, Settings settings, int port) {
        this.server = server;
        this.settings = settings;
        this.port = port;
    }

    static EmbeddedDynamoDb start(Settings settings) {
        if (settings.port() != null) {
            checkPortFree(settings.port());
        }
        List<String> args = new ArrayList<>(List.of("-sharedDb", "-disableTelemetry"));
        if (settings.isInMemory()) {
            args.add("-inMemory");
        } else {
            checkWritable(settings.dbPath());
            args.add("-dbPath");
            args.add(settings.dbPath().toAbsolutePath().toString());
        }
        // DynamoDB Local wants a port between 1 and 65535; the connector is re-bound below before it starts.
        args.add("-port");
        args.add(String.valueOf(settings.port() != null ? settings.port() : 8000));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(new String[0]));
            ServerConnector connector = connectorOf(server);
            connector.setHost(LOOPBACK);
            connector.setPort(settings.port() != null ? settings.port() : 0);
            server.start();
            int port = connector.getLocalPort();
            if (port <= 0) {
                server.stop();
                throw new IllegalStateException("DynamoDB Local did not start listening on " + LOOPBACK
                        + (settings.port() != null ? ":" + settings.port() : ""));
            }
            return new EmbeddedDynamoDb(server, settings, port);
        } catch (ConfigurationException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded DynamoDB (DynamoDB Local): " + e.getMessage(), e);
        }
    }

    /** DynamoDB Local offers no way to pick the listening address, so its Jetty connector is reached directly. */
    private static ServerConnector connectorOf(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                return serverConnector;
            }
        }
        throw new IllegalStateException("DynamoDB Local's HTTP server has no network connector");
    }

    private static void checkPortFree(int port) {
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("quarkus.dynamokit.devservices.port is " + port
                    + ": use a port between 1 and 65535, or leave it unset to pick a free port");
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            throw new ConfigurationException("quarkus.dynamokit.devservices.port is " + port
                    + ", but that port is already in use on " + LOOPBACK
                    + ": choose a free port, or leave it unset to pick a free port");
        } catch (IOException e) {
            throw new ConfigurationException("quarkus.dynamokit.devservices.port is " + port
                    + ", but it cannot be bound on " + LOOPBACK + " (" + e.getMessage() + ")");
        }
    }

    private static void checkWritable(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("quarkus.dynamokit.devservices.db-path is " + absolute
                    + ", but that directory cannot be created (" + e + "): set it to a writable directory, "
                    + "or set quarkus.dynamokit.devservices.in-memory=true");
        }
        if (!Files.isDirectory(absolute) || !Files.isWritable(absolute)) {
            throw new ConfigurationException("quarkus.dynamokit.devservices.db-path is " + absolute
                    + ", but that is not a writable directory: set it to a writable directory, "
                    + "or set quarkus.dynamokit.devservices.in-memory=true");
        }
    }

    String endpoint() {
        return "http://" + LOOPBACK + ":" + port;
    }

    int port() {
        return port;
    }

    Settings settings() {
        return settings;
    }

    boolean startedWith(Settings other) {
        return Objects.equals(settings, other);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded DynamoDB at " + endpoint(), e);
        }
    }
}
