#!/usr/bin/env bash
# Herald's server resources on a running Payara Server 6 (the same ones herald.jar creates for the
# embedded default), then the EAR. Idempotent: what exists already is left as it is, so it can be
# run again after a change of the EAR (it redeploys) or to finish a half-configured server.
#
#   HERALD_DB_URL=jdbc:postgresql://127.0.0.1:5432/herald HERALD_DB_USER=herald HERALD_DB_PASSWORD=… \
#   HERALD_BROKER_HOST=127.0.0.1 HERALD_BROKER_PORT=61616 HERALD_BROKER_USER=… HERALD_BROKER_PASSWORD=… \
#   HERALD_JWT_KEY_LOCATION=/etc/herald/idp-public.pem HERALD_JWT_ISSUER=https://idp.example.com \
#   HERALD_ORDERS_SECRET_KEY=$(openssl rand -base64 32) \
#   server-config/src/main/payara/herald-resources.sh
#
# Optional: ASADMIN (default: asadmin on the PATH) with its own options in ASADMIN_OPTS (e.g.
# "--port 4848 --user admin --passwordfile pw.txt"); HERALD_RAR, HERALD_EAR, HERALD_PG_DRIVER
# (defaults: the build's files under the repository; the driver from server-config/target/full-server-lib); HERALD_DEPLOY=false to create the resources only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)

: "${HERALD_DB_URL:?HERALD_DB_URL, the JDBC URL of the PostgreSQL database}"
: "${HERALD_DB_USER:?HERALD_DB_USER}"
: "${HERALD_DB_PASSWORD:?HERALD_DB_PASSWORD}"
: "${HERALD_JWT_KEY_LOCATION:?HERALD_JWT_KEY_LOCATION, the path or URL of the JWT verification key}"
BROKER_HOST=${HERALD_BROKER_HOST:-127.0.0.1}
BROKER_PORT=${HERALD_BROKER_PORT:-61616}
RAR=${HERALD_RAR:-$repo/server-config/artemis-ra/target/artemis-ra.rar}
EAR=${HERALD_EAR:-$repo/ear/target/herald.ear}
PG_DRIVER=${HERALD_PG_DRIVER:-$(ls "$repo"/server-config/target/full-server-lib/postgresql-*.jar 2>/dev/null | tail -n 1)}
ASADMIN=${ASADMIN:-asadmin}
read -r -a OPTS <<< "${ASADMIN_OPTS:-}"

as() { "$ASADMIN" "${OPTS[@]}" "$@"; }
# asadmin --property values: \ : and = escaped (one command per call, so one level of escaping)
esc() { local v=${1//\\/\\\\}; v=${v//:/\\:}; printf '%s' "${v//=/\\=}"; }
# whether `asadmin <list-command>` prints the name (lines are names, or "name <description>")
has() { as "$1" 2>/dev/null | awk '{print $1}' | grep -qxF "$2"; }
step() { printf '%-60s' "$1"; }

step "PostgreSQL driver"
if as list-libraries 2>/dev/null | grep -q '^postgresql'; then echo "present"
else
  [ -f "$PG_DRIVER" ] || { echo; echo "no PostgreSQL driver jar: set HERALD_PG_DRIVER (mvn -B package puts one in server-config/target/full-server-lib)" >&2; exit 1; }
  as add-library "$PG_DRIVER" >/dev/null; echo "added $(basename "$PG_DRIVER")"
fi

props="ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"
props+=":ConnectionParameters=$(esc "host=$BROKER_HOST;port=$BROKER_PORT")"
credentials=""
if [ -n "${HERALD_BROKER_USER:-}" ]; then
  credentials="UserName=$(esc "$HERALD_BROKER_USER"):Password=$(esc "${HERALD_BROKER_PASSWORD:-}")"
  props+=":$credentials"
fi
step "resource adapter config artemis-ra (broker $BROKER_HOST:$BROKER_PORT)"
if has list-resource-adapter-configs artemis-ra; then echo "present"
else as create-resource-adapter-config --property "$props" artemis-ra >/dev/null; echo "created"; fi

step "resource adapter artemis-ra"
if has list-applications artemis-ra; then echo "deployed"
else as deploy --name artemis-ra "$RAR" >/dev/null; echo "deployed now"; fi

# the adapter's credentials serve the MDBs' connections; sends use the pool's, so they go on both
step "connector pool herald-jms-pool"
if has list-connector-connection-pools herald-jms-pool; then echo "present"
else
  pool=(--raname artemis-ra --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory --transactionsupport XATransaction)
  [ -n "$credentials" ] && pool+=(--property "$credentials")
  as create-connector-connection-pool "${pool[@]}" herald-jms-pool >/dev/null; echo "created"
fi

step "jms/herald/ConnectionFactory"
if has list-connector-resources jms/herald/ConnectionFactory; then echo "present"
else as create-connector-resource --poolname herald-jms-pool jms/herald/ConnectionFactory >/dev/null; echo "created"; fi

step "jms/herald/Events (topic herald.events)"
if has list-admin-objects jms/herald/Events; then echo "present"
else as create-admin-object --raname artemis-ra --restype jakarta.jms.Topic --property Address=herald.events jms/herald/Events >/dev/null; echo "created"; fi

step "JDBC pool herald-pool"
if has list-jdbc-connection-pools herald-pool; then echo "present"
else
  as create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
    --isconnectvalidatereq true --validationmethod meta-data --steadypoolsize 2 --maxpoolsize 32 --maxwait 2000 \
    --property "URL=$(esc "$HERALD_DB_URL"):user=$(esc "$HERALD_DB_USER"):password=$(esc "$HERALD_DB_PASSWORD")" herald-pool >/dev/null
  echo "created"
fi

step "jdbc/herald"
if has list-jdbc-resources jdbc/herald; then echo "present"
else as create-jdbc-resource --connectionpoolid herald-pool jdbc/herald >/dev/null; echo "created"; fi

# system properties are set every time: they are the configuration, not resources
sysprops="mp.jwt.verify.publickey.location=$(esc "$HERALD_JWT_KEY_LOCATION")"
[ -n "${HERALD_JWT_ISSUER:-}" ] && sysprops+=":mp.jwt.verify.issuer=$(esc "$HERALD_JWT_ISSUER")"
[ -n "${HERALD_ORDERS_SECRET_KEY:-}" ] && sysprops+=":herald.orders.secret-key=$(esc "$HERALD_ORDERS_SECRET_KEY")"
step "system properties (JWT key, issuer, secret key)"
as create-system-properties "$sysprops" >/dev/null; echo "set"

# http-listener-1, as herald.jar has it: tokens of up to 16 KiB in a header or ?access_token= (Grizzly allows
# 8 KiB of request line and headers by default); connections silent for HERALD_HTTP_IDLE_TIMEOUT_SECONDS
# (unfinished requests included, WebSockets not) are closed; no Server / X-Powered-By header. One `set` for
# all four: Payara restarts the listener for each change it is told of, and separate commands made
# overlapping restarts that could leave it not listening at all (PayaraServerIT: "GrizzlyProxy is NULL").
# (herald.jar also caps open connections; Payara Server has no such setting: put a proxy in front.)
http_set=configs.config.server-config.network-config.protocols.protocol.http-listener-1.http
step "HTTP header limit 32 KiB, idle timeout ${HERALD_HTTP_IDLE_TIMEOUT_SECONDS:-15} s, no Server header (http-listener-1)"
as set "$http_set.header-buffer-length-bytes=32768" "$http_set.timeout-seconds=${HERALD_HTTP_IDLE_TIMEOUT_SECONDS:-15}" \
  "$http_set.server-header=false" "$http_set.xpowered-by=false" >/dev/null
echo "set"

# Payara applies each of those changes by restarting the listener on its own thread, and overlapping
# restarts can leave it not listening ("GrizzlyProxy is NULL" in server.log; PayaraServerIT saw it in
# about one run of ten). On a local DAS, wait until it accepts connections; if it does not, restart it
# once more (disable, enable) and fail with the remedy if that does not help either.
listener=configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1
listening() { # listening <address> <port>: accepts a connection within 10 s
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}
if [[ " ${ASADMIN_OPTS:-} " != *" --host "* && " ${ASADMIN_OPTS:-} " != *" -H "* ]]; then
  step "http-listener-1 listening"
  port=$(as get "$listener.port" | sed -n 's/^.*\.port=//p')
  address=$(as get "$listener.address" | sed -n 's/^.*\.address=//p')
  [[ -z "$address" || "$address" = 0.0.0.0 ]] && address=127.0.0.1
  if ! [[ "$port" =~ ^[0-9]+$ ]]; then echo "not checked (port $port)"
  elif listening "$address" "$port"; then echo "yes ($address:$port)"
  else
    as set "$listener.enabled=false" >/dev/null
    sleep 1
    as set "$listener.enabled=true" >/dev/null
    if listening "$address" "$port"; then echo "yes, after a restart of the listener ($address:$port)"
    else echo; echo "http-listener-1 is not listening on $address:$port: restart the domain (asadmin restart-domain)" >&2; exit 1; fi
  fi
fi

# no anonymous /openapi document
step "no /openapi"
as set-openapi-configuration --enabled=false >/dev/null
echo "set"

if [ "${HERALD_DEPLOY:-true}" = true ]; then
  step "application herald ($EAR)"
  # implicitCdiEnabled=false: only archives with a beans.xml are CDI archives (all of Herald's have one);
  # scanning the others, Weld loads Flyway's optional Log4j classes and fails the deployment
  as deploy --force=true --name herald --property implicitCdiEnabled=false "$EAR" >/dev/null; echo "deployed"
fi
