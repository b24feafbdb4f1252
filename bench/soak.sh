#!/usr/bin/env bash
# The soak run, one command: bench/soak.sh [--minutes 30] [--connections 1000] [--rate 10]
# Builds herald.jar and the load generator, starts herald.jar (embedded default) on 127.0.0.1, opens the
# connections, publishes order changes at the rate, samples heap, RSS, threads and delivery latency
# every 15 s, and writes bench/results/soak.{md,csv,png}. Stops everything it started. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec java -Xmx2g -jar bench/target/herald-bench.jar --repo . --soak "$@"
