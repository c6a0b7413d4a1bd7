package io.dynamokit.engine;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone engine: {@code java -jar dynamokit-engine-*-runner.jar [--port 8000] [--data-dir DIR] [--fsync]
 * [--table-status-delay-ms N]}. Prints the endpoint once it serves, and runs until the process is stopped. Exit
 * status 2 for a bad command line, 1 when the engine cannot start (port taken, data directory in use or damaged).
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar dynamokit-engine-runner.jar [options]",
            "",
            "Serves the DynamoDB API (JSON 1.0 protocol) on 127.0.0.1.",
            "",
            "  --port N                   port on 127.0.0.1 (default 8000; 0 picks a free one)",
            "  --data-dir DIR             keep tables and items in DIR across restarts (default: in memory)",
            "  --fsync                    with --data-dir, force each write to the disk before answering",
            "  --table-status-delay-ms N  how long tables and indexes stay CREATING, UPDATING or DELETING",
            "                             (default 0: ACTIVE or gone at once)",
            "  --help                     print this help",
            "",
            "Once it serves, the first line on standard output is: DynamoKit Engine listening on http://127.0.0.1:PORT");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        EngineOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dynamokit-engine: " + e.getMessage());
            System.err.println("Try --help for the options.");
            System.exit(2);
            return;
        }
        if (options == null) {
            out.println(USAGE);
            out.flush();
            return;
        }
        DynamoEngine engine;
        try {
            engine = DynamoEngine.start(options);
        } catch (IllegalStateException e) {
            System.err.println("dynamokit-engine: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "dynamokit-engine-shutdown"));
        out.println("DynamoKit Engine listening on " + engine.endpoint());
        out.flush();
        new CountDownLatch(1).await();
    }

    /** The options a command line asks for; null for {@code --help}; IllegalArgumentException naming a bad one. */
    static EngineOptions parse(String[] args) {
        EngineOptions options = EngineOptions.defaults().withPort(8000);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--fsync")) {
                options = options.withFsync(true);
                continue;
            }
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            } else if (!known(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            } else {
                value = args[++i];
            }
            switch (arg) {
                case "--port", "-port" -> {
                    int port = integer(arg, value);
                    if (port > 65535) {
                        throw new IllegalArgumentException(arg + " must be between 0 and 65535, was " + value);
                    }
                    options = options.withPort(port);
                }
                case "--data-dir", "-data-dir" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException(arg + " expects a directory, was empty");
                    }
                    try {
                        options = options.withDataDirectory(Path.of(value));
                    } catch (InvalidPathException e) {
                        throw new IllegalArgumentException(arg + " expects a directory, was " + value + ": "
                                + e.getReason());
                    }
                }
                case "--table-status-delay-ms" ->
                    options = options.withTableStatusDelay(Duration.ofMillis(integer(arg, value)));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    private static boolean known(String arg) {
        return switch (arg) {
            case "--port", "-port", "--data-dir", "-data-dir", "--table-status-delay-ms" -> true;
            default -> false;
        };
    }

    /** A non-negative whole number. */
    private static int integer(String option, String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new IllegalArgumentException(option + " must not be negative, was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, was " + value);
        }
    }
}
