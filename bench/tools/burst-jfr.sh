#!/usr/bin/env bash
# bench/tools/burst-jfr.sh <herald.jar> [subscribers] [events]
# One commerce burst on one herald.jar with a JFR recording over it: <subscribers> Node ws subscribers on
# order_changes, <events> PATCHes from two Node producers (orders 1 and 2) as fast as answers come, after a
# warm-up of 200 x 300. Prints deliveries/s, the subscribers' latency, the bytes allocated per delivered
# frame (JFR jdk.ThreadAllocationStatistics, by thread) and the top allocation sites of the sender threads.
# Needs bench/peer/node_modules (bench/run.sh installs it). Port 18080; everything it starts it stops.
set -u
JAR=$(realpath "$1"); SUBS=${2:-500}; EV=${3:-200}
HERE=$(cd "$(dirname "$0")" && pwd); PEER=$HERE/../peer
. "$HERE/herald-on-18080.sh"
. "$HERE/burst.sh"
patch() { node "$HERE/patch-producer.js" 18080 "$COOKIE" "$1"; }
commerce=ws://127.0.0.1:18080/commerce/ws; connected='"waitFor":"connected",'
burst $P $commerce "$connected" patch 200 300 warm > /dev/null
jcmd $P JFR.start name=burst settings=profile filename="$D/burst.jfr" > /dev/null
RESULT=$(burst $P $commerce "$connected" patch "$SUBS" "$EV" measured)
jcmd $P JFR.stop name=burst > /dev/null
jfr print --json --events jdk.ThreadAllocationStatistics,jdk.ObjectAllocationSample burst.jfr > burst.json
python3 - "$RESULT" "$SUBS" "$EV" <<'PY'
import json, re, sys, collections
t0, _, _, _, line = sys.argv[1].split(' ', 4)
r = json.loads(line)
print(f"{sys.argv[2]} subscribers x {sys.argv[3]} events: {r['received']} received, "
      f"{r['received'] / ((r['lastAt'] - int(t0)) / 1000):.0f} deliveries/s, p50 {r['p50']} ms, p99 {r['p99']} ms")
events = json.load(open('burst.json'))['recording']['events']
first, last, sites = {}, {}, collections.Counter()
for e in events:
    v = e['values']
    if e['type'] == 'jdk.ThreadAllocationStatistics':
        name = re.sub(r'[-(]?\d+\)?$', '', (v.get('thread') or {}).get('javaName') or '?')
        key = ((v.get('thread') or {}).get('javaThreadId'), name)
        first.setdefault(key, v['allocated']); last[key] = v['allocated']
    elif ((v.get('eventThread') or {}).get('javaName') or '').startswith('herald-sender'):
        frames = (v.get('stackTrace') or {}).get('frames') or []
        sites[' < '.join(f['method']['type']['name'].split('/')[-1] + '.' + f['method']['name'] for f in frames[:3])] += v['weight']
by = collections.Counter()
for key in last:
    by[key[1]] += last[key] - first[key]
total = sum(by.values())
print(f"allocated {total / 1e6:.0f} MB, {total / max(1, r['received']):.0f} B per delivered frame")
for name, b in by.most_common(5):
    print(f"  {name:45s} {b / 1e6:8.1f} MB  {b / max(1, r['received']):7.0f} B/frame")
print("sender threads' top allocation sites:")
s = sum(sites.values()) or 1
for site, w in sites.most_common(4):
    print(f"  {100 * w / s:5.1f}% {site}")
PY
echo "recording: $D/burst.jfr"
