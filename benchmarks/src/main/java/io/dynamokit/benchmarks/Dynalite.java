package io.dynamokit.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "The peer" of {@link EngineThroughputBenchmark}: dynalite, an open-source DynamoDB emulator on Node, the version
 * pinned in {@code benchmarks/package.json}, run in memory as a child process on 127.0.0.1 with its table status
 * delays set to zero. It needs {@code node} on the PATH and {@code npm ci} run in {@code benchmarks/} (which
 * {@code benchmarks/run.sh} does); {@link #unavailable()} says why it cannot start otherwise.
 */
final class Dynalite implements AutoCloseable {

    /** Where {@code npm ci} in {@code benchmarks/} puts dynalite, from the project root or from {@code benchmarks/}. */
    private static final List<Path> CLI = List.of(Paths.get("benchmarks", "node_modules", "dynalite", "cli.js"),
            Paths.get("node_modules", "dynalite", "cli.js"));

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Why dynalite cannot be started here, or null when it can. */
    static String unavailable() {
        if (node() == null) {
            return "dynalite skipped: node not on the PATH";
        }
        if (cli() == null) {
            return "dynalite skipped: benchmarks/node_modules/dynalite not installed (run npm ci in benchmarks/)";
        }
        return null;
    }

    /**
     * Starts dynalite on a free loopback port and waits (up to 30 s) until it listens. When it cannot start here, the
     * reason ({@link #unavailable()}) is printed on a line of its own, where JMH's output shows it, and thrown.
     */
    static Dynalite start() {
        String reason = unavailable();
        if (reason != null) {
            System.out.println();
            System.out.println(reason);
            throw new IllegalStateException(reason);
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(node().toString(), cli().toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0").redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite: " + e.getMessage(), e);
        }
        CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> awaitListening(process));
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dynalite started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start listening on 127.0.0.1:" + port, e);
        }
        return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    /** Reads dynalite's output until its "listening" line, then keeps draining it so that it never blocks. */
    private static void awaitListening(Process process) {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.contains("listening")) {
                    Thread drain = new Thread(() -> drain(output), "dynalite-output");
                    drain.setDaemon(true);
                    drain.start();
                    return;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read dynalite's output", e);
        }
        throw new IllegalStateException("dynalite exited with status " + exitStatus(process));
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // dynalite logs nothing per request unless asked to
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String exitStatus(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static Path node() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path node = Paths.get(directory, "node");
            if (Files.isExecutable(node)) {
                return node;
            }
        }
        return null;
    }

    private static Path cli() {
        for (Path cli : CLI) {
            if (Files.isRegularFile(cli)) {
                return cli.toAbsolutePath();
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
