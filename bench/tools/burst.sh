# Sourced by burst-jfr.sh, cpu-split.sh and request-cost.sh (needs PEER, the bench/peer folder, for burst).
# cpu <pid>: the process's CPU time so far, in ms (/proc/<pid>/stat, user + system).
cpu() { awk '{print ($14+$15)*10}' "/proc/$1/stat"; }
# burst <server pid> <url> <"waitFor" JSON fragment or ''> <producer command> <subscribers> <events> <tag>: opens the
# Node subscribers on order_changes (with $COOKIE when set), runs `<producer command> <events>` and waits for every
# delivery; prints "<first publish ms> <last check ms> <server CPU ms> <subscribers' CPU ms> <subscribers' result JSON>"
# (CPU over the producing phase). Files go to the current folder, named by <tag>.
burst() {
  local pid=$1 url=$2 wait=$3 producer=$4 n=$5 e=$6 tag=$7
  mkfifo "in-$tag"
  node "$PEER/subscribers.js" < "in-$tag" > "sub-$tag.out" 2> "sub-$tag.err" & local S=$!
  exec 3> "in-$tag"
  echo "{\"url\":\"$url\",\"count\":$n,\"headers\":{\"Cookie\":\"${COOKIE:-}\"},\"subscribe\":\"{\\\"type\\\":\\\"subscribe\\\",\\\"channel\\\":\\\"order_changes\\\"}\",$wait\"confirm\":\"subscribed\",\"event\":\"order:updated\",\"expected\":$((n * e)),\"timeoutMs\":120000}" >&3
  until grep -q ready "sub-$tag.out" 2>/dev/null; do sleep 0.2; done
  local j0 s0 t0; j0=$(cpu "$pid"); s0=$(cpu $S); t0=$(date +%s%3N)
  $producer "$e" > "prod-$tag.out"
  # the subscriber process exits soon after its result line: its CPU is sampled while it waits, the last sample kept
  local s1=$s0
  until [ "$(wc -l < "sub-$tag.out")" -ge 2 ]; do s1=$(cpu $S 2>/dev/null || echo "$s1"); sleep 0.1; done
  local j1 t1; j1=$(cpu "$pid"); s1=$(cpu $S 2>/dev/null || echo "$s1"); t1=$(date +%s%3N)
  exec 3>&-
  echo "$t0 $t1 $((j1 - j0)) $((s1 - s0)) $(tail -1 "sub-$tag.out")"
}
