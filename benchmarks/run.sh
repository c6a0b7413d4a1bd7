#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and the demo application it launches (StartupBenchmark:
# integration-tests/target/quarkus-app/quarkus-run.jar), and runs every benchmark in the jar. Every benchmark that
# needs a database runs DynamoKit Engine inside its own JVM, in memory, on 127.0.0.1.
# Results: benchmarks/target/results.json (JMH JSON) and benchmarks/target/results.txt (the console output).
# Extra arguments go to JMH, e.g. `benchmarks/run.sh MarshallingBenchmark` to run one class.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -Dmaven.test.skip=true -pl benchmarks,integration-tests -am
java -jar benchmarks/target/benchmarks.jar \
    -prof gc -prof io.dynamokit.benchmarks.HeapProfiler -prof io.dynamokit.benchmarks.StartupProfiler \
    -prof io.dynamokit.benchmarks.EngineThreadProfiler \
    -rf json -rff benchmarks/target/results.json "$@" 2>&1 | tee benchmarks/target/results.txt
