#!/usr/bin/env bash
# bench/tools/thread-cpu.sh <herald.jar> [subscribers] [events] [rounds]
# Which threads of herald.jar spend a burst's CPU, round after round on one server: <rounds> commerce bursts of
# <events> PATCHes (two Node producers, as fast as answers come) to <subscribers> fresh Node subscribers on
# order_changes. For each round: the subscribers' latency, the server's CPU over the producing phase per delivery,
# the classes it has loaded so far (jstat -class) and the thread groups that took most of that CPU (/proc/<pid>/task,
# names without their numbers: C1/C2 CompilerThre, herald-sender, http-thread-pool, ...). Shows JIT compilation and
# class loading that do not settle. Needs bench/peer/node_modules. Port 18080; everything it starts it stops.
set -u
JAR=$(realpath "$1"); SUBS=${2:-500}; EV=${3:-600}; ROUNDS=${4:-4}
HERE=$(cd "$(dirname "$0")" && pwd); PEER=$HERE/../peer
. "$HERE/herald-on-18080.sh"
. "$HERE/burst.sh"
threads() {
  python3 - "$P" <<'PY'
import os, re, sys
groups = {}
base = f"/proc/{sys.argv[1]}/task"
for tid in os.listdir(base):
    try:
        stat = open(f"{base}/{tid}/stat").read()
    except OSError:
        continue
    name = re.sub(r'[-#(]?\d+\)?$', '', stat[stat.index('(') + 1:stat.rindex(')')]).strip()
    f = stat[stat.rindex(')') + 2:].split()
    groups[name] = groups.get(name, 0) + (int(f[11]) + int(f[12])) * 10
for name, ms in groups.items():
    print(f"{name}|{ms}")
PY
}
measured() { threads > before.txt; node "$HERE/patch-producer.js" 18080 "$COOKIE" "$1"; }
for r in $(seq 1 "$ROUNDS"); do
  R=$(burst $P ws://127.0.0.1:18080/commerce/ws '"waitFor":"connected",' measured "$SUBS" "$EV" "r$r")
  threads > after.txt
  python3 - "$R" "$r" "$((SUBS * EV))" "$(jstat -class $P | tail -1 | awk '{print $1}')" <<'PY'
import json, sys
line = sys.argv[1].split(' ', 4)[4]
r, n = json.loads(line), int(sys.argv[3])
before = dict(l.rsplit('|', 1) for l in open('before.txt').read().split('\n') if l)
after = dict(l.rsplit('|', 1) for l in open('after.txt').read().split('\n') if l)
spent = sorted(((int(v) - int(before.get(k, 0)), k) for k, v in after.items()), reverse=True)
total = sum(ms for ms, _ in spent)
print(f"round {sys.argv[2]}: {r['received']} received, p50 {r['p50']} ms, p99 {r['p99']} ms; server CPU {total} ms, "
      f"{1000 * total / n:.1f} us per delivery; {sys.argv[4]} classes loaded so far")
for ms, name in spent[:5]:
    print(f"    {name:28s} {ms:6d} ms {1000 * ms / n:6.1f} us per delivery")
PY
done
