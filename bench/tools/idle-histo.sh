#!/usr/bin/env bash
# Idle memory per connection, by class: starts <herald.jar> on 127.0.0.1:18080, takes a live heap histogram,
# opens <count> (default 5000) subscribed commerce sockets with Node ws clients, takes another and prints the
# classes that grew most, in bytes per connection, and the handshake rate. With JFR=1 it records the handshakes
# with JFR (handshakes.jfr in the tool's folder). Usage: bench/tools/idle-histo.sh <herald.jar> [count]
set -euo pipefail
JAR=$(realpath "$1"); N=${2:-5000}
PEER=$(realpath "$(dirname "$0")/../peer")
. "$(dirname "$0")/herald-on-18080.sh"
histo() { jcmd $P GC.class_histogram 2>/dev/null | awk 'NR>2 && $1 ~ /:$/ {print $4, $3, $2}' ; }
sleep 3; histo > before.txt
mkfifo in; exec 3<>in
[ "${JFR:-0}" = 1 ] && jcmd $P JFR.start name=hs settings=profile filename="$D/handshakes.jfr" >/dev/null
T0=$(date +%s%N)
node "$PEER/subscribers.js" < in > sub.out 2> sub.err &
S=$!
echo "{\"url\":\"ws://127.0.0.1:18080/commerce/ws\",\"count\":$N,\"headers\":{\"Cookie\":\"$COOKIE\"},\"subscribe\":\"{\\\"type\\\":\\\"subscribe\\\",\\\"channel\\\":\\\"order_changes\\\"}\",\"waitFor\":\"connected\",\"confirm\":\"subscribed\",\"event\":\"order:updated\",\"expected\":1,\"timeoutMs\":600000}" >&3
for _ in $(seq 1 300); do grep -q ready sub.out 2>/dev/null && break; sleep 1; done
T1=$(date +%s%N)
[ "${JFR:-0}" = 1 ] && jcmd $P JFR.stop name=hs >/dev/null
echo "subscribers: $(head -1 sub.out), $(( N * 1000000000 / (T1 - T0) )) handshakes/s (with Node start-up), folder $D"
sleep 3; histo > after.txt
echo stop >&3; sleep 1; kill $S 2>/dev/null || true
awk -v n=$N 'FNR==NR {b[$1]=$2; c[$1]=$3; next} {d=$2-b[$1]; if (d>0) {tot+=d; printf "%9.1f B/conn %7.2f inst/conn %s\n", d/n, ($3-c[$1])/n, $1}} END {printf "%9.1f B/conn TOTAL\n", tot/n}' before.txt after.txt | sort -rn | head -${TOP:-40}
