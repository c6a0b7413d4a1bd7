package io.dynamokit.deployment.devservices;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import io.dynamokit.engine.DynamoEngine;
import io.dynamokit.engine.EngineOptions;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * DynamoKit Engine running in this JVM, on loopback only.
 */
final class EmbeddedDynamoDb implements Closeable {

    static final String LOOPBACK = "127.0.0.1";

    static final String PORT_PROPERTY = "quarkus.dynamokit.devservices.port";
    static final String DATA_DIRECTORY_PROPERTY = "quarkus.dynamokit.devservices.data-directory";
    static final String IN_MEMORY_PROPERTY = "quarkus.dynamokit.devservices.in-memory";

    /** What a running instance was started with; a change of any of these needs a new instance. */
    record Settings(Integer port, Path dataDirectory) {

        static Settings inMemory(Integer port) {
            return new Settings(port, null);
        }

        boolean isInMemory() {
            return dataDirectory == null;
        }

        String describe() {
            return isInMemory() ? "in memory" : "data in " + dataDirectory;
        }
    }

    private final DynamoEngine engine;
    private final Settings settings;
    private final String endpoint;
    private final int port;

    private EmbeddedDynamoDb(DynamoEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        // kept, so that a stopped instance can still be named in logs
        this.endpoint = engine.endpoint().toString();
        this.port = engine.port();
    }

    static EmbeddedDynamoDb start(Settings settings) {
        EngineOptions options = EngineOptions.defaults();
        if (settings.port() != null) {
            checkPortFree(settings.port());
            options = options.withPort(settings.port());
        }
        if (!settings.isInMemory()) {
            options = options.withDataDirectory(checkWritable(settings.dataDirectory()));
        }
        DynamoEngine engine;
        try {
            engine = DynamoEngine.start(options);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded DynamoDB (DynamoKit Engine, "
                    + settings.describe() + "): " + e.getMessage(), e);
        }
        return new EmbeddedDynamoDb(engine, settings);
    }

    /**
     * Checked before the engine binds, so that a taken port is reported with the property that chose it rather than
     * as the engine's bind failure.
     */
    private static void checkPortFree(int port) {
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(PORT_PROPERTY + " is " + port
                    + ": use a port between 1 and 65535, or leave it unset to pick a free port");
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            throw new ConfigurationException(PORT_PROPERTY + " is " + port
                    + ", but that port is already in use on " + LOOPBACK
                    + ": choose a free port, or leave it unset to pick a free port");
        } catch (IOException e) {
            throw new ConfigurationException(PORT_PROPERTY + " is " + port
                    + ", but it cannot be bound on " + LOOPBACK + " (" + e.getMessage() + ")");
        }
    }

    private static Path checkWritable(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(DATA_DIRECTORY_PROPERTY + " is " + absolute
                    + ", but that directory cannot be created (" + e + "): set it to a writable directory, "
                    + "or set " + IN_MEMORY_PROPERTY + "=true");
        }
        if (!Files.isDirectory(absolute) || !Files.isWritable(absolute)) {
            throw new ConfigurationException(DATA_DIRECTORY_PROPERTY + " is " + absolute
                    + ", but that is not a writable directory: set it to a writable directory, "
                    + "or set " + IN_MEMORY_PROPERTY + "=true");
        }
        return absolute;
    }

    String endpoint() {
        return endpoint;
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
        engine.close();
    }
}
