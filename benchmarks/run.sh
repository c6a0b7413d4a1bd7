#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and the demo application it launches (StartupBenchmark:
# integration-tests/target/quarkus-app/quarkus-run.jar), and runs every benchmark in the jar, then the engine's load
# test. Every benchmark that needs a database runs DynamoKit Engine inside its own JVM, in memory, on 127.0.0.1;
# EngineThroughputBenchmark also starts dynalite (pinned in benchmarks/package.json) when node is on the PATH.
# Results: benchmarks/target/results.json (JMH JSON) and benchmarks/target/results.txt (the console output).
# Extra arguments go to JMH, e.g. `benchmarks/run.sh MarshallingBenchmark` to run one class (and no load test);
# `benchmarks/run.sh load-test` runs the load test alone (-Dload.seconds=N in JAVA_OPTS shortens it).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -Dmaven.test.skip=true -pl benchmarks,integration-tests -am
if command -v node >/dev/null && command -v npm >/dev/null && [ ! -d benchmarks/node_modules/dynalite ]; then
    (cd benchmarks && npm ci --no-audit --no-fund)
fi

load_test() {
    # shellcheck disable=SC2086
    java -Xms1g -Xmx1g ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar io.dynamokit.benchmarks.EngineLoadTest \
        2>&1 | tee benchmarks/target/load-test.txt
}

if [ "${1:-}" = "load-test" ]; then
    load_test
    exit 0
fi
java -jar benchmarks/target/benchmarks.jar \
    -prof gc -prof io.dynamokit.benchmarks.HeapProfiler -prof io.dynamokit.benchmarks.StartupProfiler \
    -prof io.dynamokit.benchmarks.EngineThreadProfiler \
    -rf json -rff benchmarks/target/results.json "$@" 2>&1 | tee benchmarks/target/results.txt
if [ $# -eq 0 ]; then
    load_test
fi
