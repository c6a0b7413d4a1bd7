package io.dynamokit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Start-up time of the packaged demo application ({@code integration-tests/target/quarkus-app/quarkus-run.jar}),
 * launched as a child process with {@code java -jar}, against a DynamoKit Engine that this benchmark runs on
 * {@code 127.0.0.1} with every table already there (the demo's {@code Thread}, its config store's {@code ForumConfig},
 * {@code Bench01} to {@code Bench20}): from the launch until the application logs that it started
 * (Quarkus' "started in ... Listening on" line, logged once the start-up, schema management included, is done and
 * HTTP is served).
 * <p>
 * Variants ({@link #schema}), in the same run, against the same engine and tables:
 * <ul>
 * <li>{@code none}: the baseline. {@code quarkus.dynamokit.schema-management=none}: DynamoKit's start-up step returns
 * once the configuration is checked, as it does without declared tables (the demo always declares its tables, and
 * a declared table cannot be removed from the outside, so this is how the demo runs without schema
 * management);</li>
 * <li>{@code validate-2}: {@code validate} of the demo's own tables, {@code Thread} and {@code ForumConfig}: what the
 * demo does in production;</li>
 * <li>{@code validate-22}: {@code validate} of the demo's two tables and 20 more declared tables, {@code Bench01} to
 * {@code Bench20} (system properties {@code quarkus.dynamokit.tables."BenchNN".hash-key=Id:S}).</li>
 * </ul>
 * After each timed launch, outside the timed part: the schema management line must be in the log for the
 * {@code validate} variants only, naming as many tables as declared; the application's first API request
 * ({@code GET /forums/Bench/threads}, a Query of {@code Thread}) is timed, as without schema management at start-up
 * that request may be the first to use the DynamoDB client; {@code /q/health/ready} must answer 200 with every
 * declared table RUNNING; then the application is stopped (SIGTERM).
 * <p>
 * {@link StartupProfiler} adds Quarkus' own start-up figure, the schema management time from the log, and the time of
 * that first request. {@code -Ddynamokit.startup.echo=true} prints the application's output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m", "-Djmh.shutdownTimeout=1" })
public class StartupBenchmark {

    static final int EXTRA_TABLES = 20;
    static final String JAR_PROPERTY = "dynamokit.demo.jar";
    static final String DEFAULT_JAR = "integration-tests/target/quarkus-app/quarkus-run.jar";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** {@code -Ddynamokit.startup.echo=true} prints the application's console output. */
    static final boolean ECHO = Boolean.getBoolean("dynamokit.startup.echo");
    /** {@code -Ddynamokit.startup.app-args="..."}: more JVM options for the application, separated by spaces. */
    static final String APP_ARGS = System.getProperty("dynamokit.startup.app-args", "");

    private static final Pattern STARTED = Pattern
            .compile("started in (\\d+)[.,](\\d{3})s\\. Listening on: (http://[^\\s,]+)");
    private static final Pattern SCHEMA = Pattern
            .compile("DynamoKit schema management \\(([a-z-]+)\\): (.*) in (\\d+) ms");
    private static final Pattern RUNNING = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"RUNNING\"");

    /**
     * What one launch reported; read by {@link StartupProfiler}. {@code firstRequestMillis} is -1 until the first
     * request after start-up was timed.
     */
    record Launch(String schema, long wallMillis, long quarkusMillis, long schemaMillis, long firstRequestMillis) {
    }

    static volatile Launch last;

    @Param({ "none", "validate-2", "validate-22" })
    public String schema;

    private EmbeddedEngine dynamoDb;
    private Path jar;
    private HttpClient http;

    private Process process;
    private Output output;

    @Setup(Level.Trial)
    public void startDynamoDb() {
        jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR)).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No demo application at " + jar + ": build it with "
                    + "`./mvnw -B install -DskipTests` (benchmarks/run.sh does), or set -D" + JAR_PROPERTY);
        }
        dynamoDb = EmbeddedEngine.start(1);
        DynamoDbClient dynamo = dynamoDb.sdkClient();
        // the demo's table, as application.properties declares it
        dynamo.createTable(b -> b.tableName("Thread")
                .keySchema(key("ForumName", KeyType.HASH), key("Subject", KeyType.RANGE))
                .attributeDefinitions(string("ForumName"), string("Subject"), string("LastPostDateTime"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("LastPostIndex")
                        .keySchema(key("ForumName", KeyType.HASH), key("LastPostDateTime", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        // the table of the demo's config store "flags" (quarkus.dynamokit.config-stores."flags".table), which the
        // demo reads at start-up in every variant: its default keys
        dynamo.createTable(b -> b.tableName("ForumConfig")
                .keySchema(key("_store", KeyType.HASH), key("_option", KeyType.RANGE))
                .attributeDefinitions(string("_store"), string("_option"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        // the 20 declared with a hash key only: provisioned, 5 read and 5 write units (the defaults)
        for (int i = 1; i <= EXTRA_TABLES; i++) {
            String table = benchTable(i);
            dynamo.createTable(b -> b.tableName(table).keySchema(key("Id", KeyType.HASH))
                    .attributeDefinitions(string("Id"))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(benchTable(EXTRA_TABLES)));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopApplication));
    }

    static String benchTable(int i) {
        return String.format("Bench%02d", i);
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    /** The command line: the demo in production mode, on loopback, pointed at this engine. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=0");
        command.add("-Dquarkus.dynamodb.endpoint-override=" + dynamoDb.endpoint());
        command.add("-Dquarkus.dynamodb.aws.region=us-east-1");
        command.add("-Dquarkus.dynamodb.aws.credentials.type=static");
        command.add("-Dquarkus.dynamodb.aws.credentials.static-provider.access-key-id=bench");
        command.add("-Dquarkus.dynamodb.aws.credentials.static-provider.secret-access-key=bench");
        command.add("-Dquarkus.dynamokit.devservices.enabled=false");
        command.add("-Dquarkus.dynamokit.schema-management=" + ("none".equals(schema) ? "none" : "validate"));
        if ("validate-22".equals(schema)) {
            for (int i = 1; i <= EXTRA_TABLES; i++) {
                command.add("-Dquarkus.dynamokit.tables.\"" + benchTable(i) + "\".hash-key=Id:S");
            }
        }
        for (String arg : APP_ARGS.trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                command.add(arg);
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    int declaredTables() {
        return declaredTableNames().size();
    }

    List<String> declaredTableNames() {
        List<String> names = new ArrayList<>();
        names.add("Thread");
        names.add("ForumConfig");
        if ("validate-22".equals(schema)) {
            for (int i = 1; i <= EXTRA_TABLES; i++) {
                names.add(benchTable(i));
            }
        }
        return names;
    }

    /** Launches the application and returns once it logged that it started. */
    @Benchmark
    public String startUntilReady() throws IOException, InterruptedException {
        long start = System.nanoTime();
        process = new ProcessBuilder(command()).redirectErrorStream(true).start();
        output = new Output(process);
        String url;
        try {
            url = output.ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The application did not start (" + e + "); its last lines:\n"
                    + output.tail(), e);
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        last = new Launch(schema, wall, output.quarkusMillis, output.schemaMillis, -1);
        System.out.printf("[startup] %s: ready after %d ms from launch; Quarkus: started in %d ms; "
                + "schema management: %s%n", schema, wall, output.quarkusMillis,
                output.schemaLine == null ? "no line" : output.schemaLine);
        return url;
    }

    /** Outside the timed part: checks what the application reports, then stops it. */
    @TearDown(Level.Invocation)
    public void checkAndStop() throws IOException, InterruptedException {
        try {
            if (output == null || !output.ready.isDone() || output.ready.isCompletedExceptionally()) {
                return;
            }
            boolean validating = !"none".equals(schema);
            if (validating != (output.schemaLine != null)) {
                throw new IllegalStateException(schema + ": schema management line " + output.schemaLine
                        + "; the log:\n" + output.tail());
            }
            if (validating && !output.schemaLine.startsWith(declaredTables() + " table")) {
                throw new IllegalStateException(schema + ": expected " + declaredTables() + " tables validated: "
                        + output.schemaLine);
            }
            // the application's first DynamoDB request for a user: a query of the Thread table, empty
            long start = System.nanoTime();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(output.ready.join()
                    + "/forums/Bench/threads")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (first.statusCode() != 200) {
                throw new IllegalStateException(schema + ": GET /forums/Bench/threads answered "
                        + first.statusCode() + ": " + first.body());
            }
            Launch launch = last;
            if (launch != null) {
                last = new Launch(launch.schema(), launch.wallMillis(), launch.quarkusMillis(),
                        launch.schemaMillis(), firstMillis);
            }
            System.out.printf("[startup] %s: first request (GET /forums/Bench/threads, a Query) answered in %d ms%n",
                    schema, firstMillis);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(output.ready.join()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> running = new ArrayList<>();
            Matcher matcher = RUNNING.matcher(health.body());
            while (matcher.find()) {
                running.add(matcher.group(1));
            }
            if (health.statusCode() != 200 || !running.containsAll(declaredTableNames())) {
                throw new IllegalStateException(schema + ": /q/health/ready answered " + health.statusCode()
                        + " with " + running + " RUNNING, expected 200 and " + declaredTableNames() + ":\n"
                        + health.body());
            }
        } finally {
            stopApplication();
        }
    }

    private void stopApplication() {
        Process running = process;
        if (running == null) {
            return;
        }
        process = null;
        long start = System.nanoTime();
        running.destroy();
        try {
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                System.out.printf("[startup] %s: the application did not stop within 20 s of SIGTERM: killed%n",
                        schema);
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } else if (ECHO) {
                System.out.printf("[startup] %s: stopped in %d ms%n", schema,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @TearDown(Level.Trial)
    public void stopDynamoDb() {
        stopApplication();
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    /** Reads the application's console output to its end, noting the lines the benchmark needs. */
    static final class Output {

        final CompletableFuture<String> ready = new CompletableFuture<>();
        private final Deque<String> tail = new ArrayDeque<>();
        volatile long quarkusMillis = -1;
        volatile long schemaMillis = -1;
        volatile String schemaLine;

        Output(Process process) {
            Thread reader = new Thread(() -> read(process), "startup-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Process process) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (ECHO) {
                        System.out.println("[app] " + line);
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 60) {
                            tail.removeFirst();
                        }
                    }
                    if (ready.isDone()) {
                        continue;
                    }
                    Matcher schema = SCHEMA.matcher(line);
                    if (schema.find()) {
                        schemaLine = schema.group(2) + " in " + schema.group(3) + " ms";
                        schemaMillis = Long.parseLong(schema.group(3));
                    }
                    Matcher started = STARTED.matcher(line);
                    if (started.find()) {
                        quarkusMillis = Long.parseLong(started.group(1)) * 1000 + Long.parseLong(started.group(2));
                        ready.complete(started.group(3));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the application ended"));
        }

        String tail() {
            synchronized (tail) {
                return String.join("\n", tail);
            }
        }
    }
}
