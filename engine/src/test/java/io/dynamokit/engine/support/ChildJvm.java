package io.dynamokit.engine.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM on this test's class path, started quickly (C1 only, serial GC, small heap), so that tests can run the
 * standalone engine as its own process and kill it. Its standard error goes to a file, read when something fails.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path errors;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.errors = errors;
    }

    public static ChildJvm start(Path errors, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-cp", classPath(), mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new ChildJvm(process, errors);
    }

    /** The real class path: surefire may run tests from a manifest-only jar whose path is all java.class.path holds. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The next line on the child's standard output; fails after {@code seconds} or when the output ends. */
    public String readLine(long seconds) throws IOException, InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String read = line.get(seconds, TimeUnit.SECONDS);
            if (read == null) {
                throw new IOException("the child JVM's output ended; its errors: " + errors());
            }
            return read;
        } catch (TimeoutException e) {
            throw new IOException("no line from the child JVM within " + seconds + " s; its errors: " + errors());
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Waits for the child to end by itself; its exit status. */
    public int waitFor(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IOException("the child JVM did not end within " + seconds + " s; its errors: " + errors());
        }
        return process.exitValue();
    }

    public String errors() {
        try {
            return java.nio.file.Files.readString(errors);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the process ends at once, without shutdown hooks, with whatever the OS holds of its files. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
