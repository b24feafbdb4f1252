#!/usr/bin/env bash
# An Apache Artemis primary/backup pair with a shared store, for Herald nodes that must keep
# delivering when a broker dies. Idempotent: "create" leaves existing instances alone, "start"
# starts what is not running.
#
#   ARTEMIS_HOME=/opt/apache-artemis-2.40.0 HERALD_BROKER_USER=herald HERALD_BROKER_PASSWORD=… \
#   server-config/src/main/broker/artemis-ha-pair.sh create|start|stop|status
#
# Then point every Herald node at both (herald.jar):
#   HERALD_BROKER_URL=tcp://127.0.0.1:61616,tcp://127.0.0.1:61617
#   HERALD_BROKER_USER=herald HERALD_BROKER_PASSWORD=…
#
# Why a shared store and not replication: the backup takes over when it gets the store's file lock,
# which the dead primary's process no longer holds, so two brokers can never both be live (no
# split brain) and no third voter is needed; the journal is not copied over the network. The price
# is a store both brokers reach: one directory here (one host, loopback: this script's use in tests
# and development); in production a SAN or NFSv4 volume with working locks, or use replication with
# a quorum (Artemis' pluggable quorum or three pairs) instead.
#
# Optional: HERALD_HA_DIR (default: ./artemis-ha; holds primary/, backup/, store/, *.pid, *.log),
# HERALD_HA_HOST (127.0.0.1: both brokers listen on loopback only), HERALD_HA_PRIMARY_PORT (61616),
# HERALD_HA_BACKUP_PORT (61617), HERALD_HA_CLUSTER_PASSWORD (the brokers' own link; default: a random
# one chosen at create).
set -euo pipefail

: "${ARTEMIS_HOME:?ARTEMIS_HOME, an Apache Artemis distribution (org.apache.activemq:apache-artemis:<version>:zip:bin)}"
DIR=$(mkdir -p "${HERALD_HA_DIR:-./artemis-ha}" && cd "${HERALD_HA_DIR:-./artemis-ha}" && pwd)
HOST=${HERALD_HA_HOST:-127.0.0.1}
PRIMARY_PORT=${HERALD_HA_PRIMARY_PORT:-61616}
BACKUP_PORT=${HERALD_HA_BACKUP_PORT:-61617}
USER_NAME=${HERALD_BROKER_USER:-herald}

create_one() { # name port peer-port [--backup]
  local name=$1 port=$2 peer=$3; shift 3
  if [ -f "$DIR/$name/etc/broker.xml" ]; then echo "$name: present"; return; fi
  : "${HERALD_BROKER_PASSWORD:?HERALD_BROKER_PASSWORD, the password of $USER_NAME on both brokers}"
  local cluster=${HERALD_HA_CLUSTER_PASSWORD:-$(cat "$DIR/cluster-password" 2>/dev/null || head -c 18 /dev/urandom | base64 | tr -d '/+=')}
  echo "$cluster" > "$DIR/cluster-password"; chmod 600 "$DIR/cluster-password"
  "$ARTEMIS_HOME/bin/artemis" create "$DIR/$name" --silent --name "$name" \
    --shared-store --failover-on-shutdown --clustered --host "$HOST" --default-port "$port" \
    --staticCluster "tcp://$HOST:$peer" --data "$DIR/store" \
    --user "$USER_NAME" --password "$HERALD_BROKER_PASSWORD" --require-login \
    --cluster-user herald-cluster --cluster-password "$cluster" \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor "$@" > "$DIR/$name-create.log"
  # the flags above drop the extra acceptors, but the main one still speaks every protocol: Herald
  # (and its resource adapter) use the core protocol only
  sed -i -E '/<acceptor name="artemis">/ s/protocols=[A-Z,]+/protocols=CORE/' "$DIR/$name/etc/broker.xml"
  grep -q '<acceptor name="artemis">.*protocols=CORE;' "$DIR/$name/etc/broker.xml" \
    || { echo "$name: could not limit the acceptor to the core protocol; see $DIR/$name/etc/broker.xml" >&2; exit 1; }
  echo "$name: created (tcp://$HOST:$port)"
}

running() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

start_one() {
  local name=$1
  if running "$name"; then echo "$name: running (pid $(cat "$DIR/$name.pid"))"; return; fi
  nohup "$DIR/$name/bin/artemis" run >> "$DIR/$name.log" 2>&1 &
  echo $! > "$DIR/$name.pid"
  echo "$name: started (pid $!, log $DIR/$name.log)"
}

stop_one() {
  local name=$1
  if ! running "$name"; then echo "$name: not running"; rm -f "$DIR/$name.pid"; return; fi
  local pid; pid=$(cat "$DIR/$name.pid")
  kill "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$DIR/$name.pid"; echo "$name: stopped"
}

listening() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

case "${1:-}" in
  create)
    create_one primary "$PRIMARY_PORT" "$BACKUP_PORT"
    create_one backup "$BACKUP_PORT" "$PRIMARY_PORT" --backup ;;
  start)
    start_one primary
    for _ in $(seq 60); do listening "$PRIMARY_PORT" && break; sleep 1; done
    listening "$PRIMARY_PORT" || { echo "primary did not listen on $HOST:$PRIMARY_PORT within 60 s; see $DIR/primary.log" >&2; exit 1; }
    start_one backup ;;
  stop)
    stop_one backup
    stop_one primary ;;
  status)
    for name in primary backup; do
      port=$PRIMARY_PORT; [ "$name" = backup ] && port=$BACKUP_PORT
      state="stopped"; running "$name" && state="running, waiting as backup"
      running "$name" && listening "$port" && state="running, live on $HOST:$port"
      echo "$name: $state"
    done ;;
  *) echo "usage: $0 create|start|stop|status" >&2; exit 2 ;;
esac
