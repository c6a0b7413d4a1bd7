package io.dynamokit.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone engine: {@code java -jar dynamokit-engine-*-runner.jar [--port 8000] [--data-dir DIR]
 * [--table-status-delay-ms N]}. Prints the endpoint once it serves, and runs until the process is stopped.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        EngineOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar dynamokit-engine-runner.jar [--port 8000] [--data-dir DIR] "
                    + "[--table-status-delay-ms N]");
            System.exit(2);
            return;
        }
        DynamoEngine engine = DynamoEngine.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "dynamokit-engine-shutdown"));
        out.println("DynamoKit Engine listening on " + engine.endpoint());
        out.flush();
        new CountDownLatch(1).await();
    }

    static EngineOptions parse(String[] args) {
        EngineOptions options = EngineOptions.defaults().withPort(8000);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                value = args[++i];
            }
            switch (arg) {
                case "--port", "-port" -> options = options.withPort(integer(arg, value));
                case "--data-dir", "-data-dir" -> options = options.withDataDirectory(Path.of(value));
                case "--table-status-delay-ms" ->
                    options = options.withTableStatusDelay(Duration.ofMillis(integer(arg, value)));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, was " + value);
        }
    }
}
