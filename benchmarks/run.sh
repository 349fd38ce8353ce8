#!/usr/bin/env bash
# Runs every JMH benchmark of docs/benchmarks.md (about 10 minutes on 2 cores), writes the JSON and
# text results to benchmarks/results/ and redraws docs/pbkdf2-scaling.svg.
# Usage: benchmarks/run.sh [extra JMH options]   (stop other work on the machine first)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
jar=benchmarks/target/benchmarks.jar
java -jar "$jar" 'Pbkdf2EngineBenchmark|Pbkdf2InterleavedBenchmark|Pbkdf2AfterJdkBenchmark|Pbkdf2ScalingBenchmark|EncoderOverheadBenchmark|LockoutCheckBenchmark|EncStartupBenchmark|StarterStartupBenchmark' \
  -rf json -rff benchmarks/results/results.json "$@" | tee benchmarks/results/results.txt
# Allocation per hash and GC time of the two Java engines.
java -jar "$jar" 'Pbkdf2EngineBenchmark.(ours|jdk)|Pbkdf2ConcurrencyBenchmark' -p prf=sha256 -prof gc \
  -rf json -rff benchmarks/results/gc.json "$@" | tee benchmarks/results/gc.txt
python3 benchmarks/plot.py benchmarks/results/results.json docs/pbkdf2-scaling.svg
