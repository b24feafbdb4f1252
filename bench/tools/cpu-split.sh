#!/usr/bin/env bash
# bench/tools/cpu-split.sh <herald.jar> [subscribers] [events]
# Where a burst's CPU goes, herald.jar against the Node peer: <subscribers> Node ws subscribers (one process), then
# <events> events from two Node producers as fast as answers come (commerce PATCHes to herald.jar, /publish to the
# peer), after a warm-up of 200 x 300. Prints deliveries/s and the subscribers' latency, and the CPU time
# (/proc/<pid>/stat, over the producing phase) of the server and of the subscriber process: per delivery, and in
# cores. Needs bench/peer/node_modules. Ports 18080 and 18090; everything it starts it stops.
set -u
JAR=$(realpath "$1"); SUBS=${2:-500}; EV=${3:-600}
HERE=$(cd "$(dirname "$0")" && pwd); PEER=$HERE/../peer
. "$HERE/burst.sh"
report() {
  python3 - "$1" "$2" <<'PY'
import json, sys
t0, t1, server, subs, line = sys.argv[2].split(' ', 4)
t0, t1, server, subs = int(t0), int(t1), int(server), int(subs)
r = json.loads(line); took = r['lastAt'] - t0; wall = t1 - t0
print(f"{sys.argv[1]:10s} {r['received']} received, {r['received'] * 1000 / took:,.0f} deliveries/s, p50 {r['p50']} ms, p99 {r['p99']} ms; "
      f"server CPU {server} ms = {server / wall:.2f} cores, {1000 * server / r['received']:.1f} us per delivery; "
      f"subscribers {subs} ms = {subs / wall:.2f} cores")
PY
}
(
  . "$HERE/herald-on-18080.sh"
  herald_producer() { node "$HERE/patch-producer.js" 18080 "$COOKIE" "$1"; }
  burst $P ws://127.0.0.1:18080/commerce/ws '"waitFor":"connected",' herald_producer 200 300 warm > /dev/null
  report herald.jar "$(burst $P ws://127.0.0.1:18080/commerce/ws '"waitFor":"connected",' herald_producer "$SUBS" "$EV" m)"
)
(
  D=$(mktemp -d /tmp/peer-tool.XXXXXX); cd "$D"
  node "$PEER/server.js" 18090 > peer.log 2>&1 & P=$!
  trap 'kill $P 2>/dev/null; wait $P 2>/dev/null' EXIT
  until curl -s -o /dev/null http://127.0.0.1:18090/stats; do sleep 0.2; done
  peer_producer() { node "$HERE/peer-producer.js" 18090 "$1"; }
  burst $P ws://127.0.0.1:18090/ws '' peer_producer 200 300 warm > /dev/null
  report peer "$(burst $P ws://127.0.0.1:18090/ws '' peer_producer "$SUBS" "$EV" m)"
)
