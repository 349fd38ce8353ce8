#!/usr/bin/env bash
# Runs every JMH benchmark of docs/benchmarks.md (about 10 minutes on 2 cores), writes the JSON and
# text results to benchmarks/results/ and redraws docs/pbkdf2-scaling.svg. With FFM_JAVA_HOME set to
# a JDK 22+ home, the JAR also holds the OpenSSL engine and Pbkdf2FfmBenchmark runs on that JDK
# (6 forks, about 70 s more; results in benchmarks/results/ffm.{json,txt}).
# Usage: benchmarks/run.sh [extra JMH options]   (stop other work on the machine first)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
jar=benchmarks/target/benchmarks.jar
java -jar "$jar" 'Pbkdf2EngineBenchmark|Pbkdf2InterleavedBenchmark|Pbkdf2AfterJdkBenchmark|Pbkdf2ScalingBenchmark|EncoderOverheadBenchmark|LockoutCheckBenchmark|EncStartupBenchmark' \
  -e 'Pbkdf2AfterJdkBenchmark.pureJavaSha512' \
  -rf json -rff benchmarks/results/results.json "$@" | tee benchmarks/results/results.txt
# What the starter adds to the start-up of a web application (8 forks each; docs/benchmarks.md has
# the 20-fork run of both application kinds).
java -jar "$jar" StarterStartupBenchmark -p web=servlet \
  -rf json -rff benchmarks/results/startup.json "$@" | tee benchmarks/results/startup.txt
# The pure-Java SHA-512 alternative, after the JDK's PBKDF2 or not (SHA-512 only: it has no SHA-256).
java -jar "$jar" 'Pbkdf2AfterJdkBenchmark.pureJavaSha512' -p prf=sha512 \
  -rf json -rff benchmarks/results/pure-java-sha512.json "$@" | tee benchmarks/results/pure-java-sha512.txt
# Allocation per hash and GC time: the engine's clone loop (one and two threads), the allocation-free
# loop, and the JDK.
java -jar "$jar" 'Pbkdf2EngineBenchmark.jdk|Pbkdf2ConcurrencyBenchmark' -p prf=sha256 -prof gc -wi 2 -i 3 \
  -rf json -rff benchmarks/results/gc.json "$@" | tee benchmarks/results/gc.txt
if [ -n "${FFM_JAVA_HOME:-}" ]; then
  # The OpenSSL engine against the Java engine on the same JDK; then both for SHA-512 after one JDK
  # PBKDF2-HMAC-SHA256 (profile pollution). The forks get --enable-native-access=ALL-UNNAMED.
  "$FFM_JAVA_HOME/bin/java" -jar "$jar" Pbkdf2FfmBenchmark -p jdkFirst=false \
    -rf json -rff benchmarks/results/ffm.json "$@" | tee benchmarks/results/ffm.txt
  "$FFM_JAVA_HOME/bin/java" -jar "$jar" Pbkdf2FfmBenchmark -p jdkFirst=true -p prf=sha512 \
    -rf json -rff benchmarks/results/ffm-pollution.json "$@" | tee -a benchmarks/results/ffm.txt
fi
python3 benchmarks/plot.py benchmarks/results/results.json docs/pbkdf2-scaling.svg
