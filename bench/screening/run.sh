#!/usr/bin/env bash
# Name screening figures: list load time and memory, then the JMH benchmark (median and p99 to
# screen one name, next to a naive Commons Text Jaro-Winkler baseline). Run from anywhere; needs
# only a JDK 17+ (the Maven wrapper fetches Maven and the JMH artifacts from Maven Central).
#   bash bench/screening/run.sh            # about 2 minutes on 2 cores
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -f bench/screening/pom.xml package -DskipTests
jar=bench/screening/target/benchmarks.jar
echo "== Load time and memory"
java -Xmx1g -cp "$jar" io.kycwhitelist.bench.LoadFigures
echo "== Screening one name against every loaded list, one thread (JMH, sample mode, us/op)"
java -Xmx1g -jar "$jar" ScreeningBenchmark -rf json -rff bench/screening/target/jmh.json "$@" \
  | grep -E '^(Benchmark|ScreeningBenchmark)' | grep -E 'Benchmark +Mode|·p0.50|·p0.99|  sample ' || true
