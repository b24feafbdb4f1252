#!/usr/bin/env bash
# bench/tools/request-cost.sh <herald.jar> [patch|ephemeral] [requests]
# The CPU one producing request costs herald.jar with no subscriber: two Node producers send <requests> commerce
# PATCHes (patch) or ephemeral POST /api/events (ephemeral) as fast as answers come, after a warm-up; prints the
# rate and the JVM's CPU time (/proc/<pid>/stat) per request. With JFR=1 a second round is recorded with 1 ms
# method sampling (profile settings otherwise); set JAVA_TOOL_OPTIONS=-XX:FlightRecorderOptions:stackdepth=512
# for whole stacks, and read them with `jfr print --stack-depth 300`. Port 18080; everything it starts it stops.
set -u
JAR=$(realpath "$1"); KIND=${2:-patch}; N=${3:-3000}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/herald-on-18080.sh"
. "$HERE/burst.sh"
if [ "$KIND" = ephemeral ]; then
  TOKEN=$(java -jar "$JAR" token bench --groups admin 2>/dev/null | tail -1)
  produce() { node "$HERE/ephemeral-producer.js" 18080 "$TOKEN" "$1"; }
else
  produce() { node "$HERE/patch-producer.js" 18080 "$COOKIE" "$1"; }
fi
produce 500 > /dev/null
c0=$(cpu $P); t0=$(date +%s%3N)
produce "$N" > /dev/null
c1=$(cpu $P); t1=$(date +%s%3N)
python3 -c "n=$N; ms=$t1-$t0; c=$c1-$c0; print(f'$KIND: {n} requests in {ms} ms, {n*1000/ms:.0f}/s; JVM CPU {c} ms, {c/n:.2f} ms per request')"
if [ "${JFR:-0}" = 1 ]; then
  JH=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' "$JH/lib/jfr/profile.jfc" > sampling.jfc
  jcmd $P JFR.start name=cost settings="$D/sampling.jfc" filename="$D/cost.jfr" > /dev/null
  produce "$N" > /dev/null
  jcmd $P JFR.stop name=cost > /dev/null
  echo "recording: $D/cost.jfr"
fi
