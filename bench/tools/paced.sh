#!/usr/bin/env bash
# bench/tools/paced.sh <herald.jar>: paced latency on one herald.jar, to compare two builds in one sitting:
# 100 Node ws subscribers and 100 PATCH/s for 10 s (once to warm up, once measured), then 1 subscriber at 50/s.
# Prints the subscribers' result lines (p50/p99 in ms). Port 18080; everything it starts it stops.
set -u
JAR=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd); PEER=$HERE/../peer
. "$HERE/herald-on-18080.sh"
paced() { # paced <subscribers> <rate> <seconds> <tag>
  local n=$1 rate=$2 secs=$3 tag=$4
  mkfifo "in-$tag"
  node "$PEER/subscribers.js" < "in-$tag" > "sub-$tag.out" 2> "sub-$tag.err" &
  exec 3> "in-$tag"
  echo "{\"url\":\"ws://127.0.0.1:18080/commerce/ws\",\"count\":$n,\"headers\":{\"Cookie\":\"$COOKIE\"},\"subscribe\":\"{\\\"type\\\":\\\"subscribe\\\",\\\"channel\\\":\\\"order_changes\\\"}\",\"waitFor\":\"connected\",\"confirm\":\"subscribed\",\"event\":\"order:updated\",\"expected\":$((n * rate * secs)),\"timeoutMs\":60000}" >&3
  until grep -q ready "sub-$tag.out" 2>/dev/null; do sleep 0.2; done
  node "$HERE/paced-producer.js" 18080 "$COOKIE" "$rate" "$secs" > "prod-$tag.out"
  until [ "$(wc -l < "sub-$tag.out")" -ge 2 ]; do sleep 0.2; done
  exec 3>&-
  echo "$tag: $n subscribers, $rate events/s for $secs s: $(tail -1 "sub-$tag.out")"
}
paced 100 100 10 warm-up
paced 100 100 10 measured
paced 1 50 10 one-subscriber
