#!/usr/bin/env bash
# Herald's server resources on WildFly (standalone-full, running), then the EAR. Idempotent: what
# exists already is left as it is, so it can be run again after a change of the EAR (it redeploys)
# or to finish a half-configured server.
#
#   WILDFLY_HOME=/opt/wildfly \
#   HERALD_DB_URL=jdbc:postgresql://127.0.0.1:5432/herald HERALD_DB_USER=herald HERALD_DB_PASSWORD=… \
#   HERALD_BROKER_HOST=127.0.0.1 HERALD_BROKER_PORT=61616 HERALD_BROKER_USER=… HERALD_BROKER_PASSWORD=… \
#   HERALD_JWT_KEY_LOCATION=/etc/herald/idp-public.pem HERALD_JWT_ISSUER=https://idp.example.com \
#   HERALD_ORDERS_SECRET_KEY=$(openssl rand -base64 32) \
#   server-config/src/main/wildfly/herald-resources.sh
#
# What it does (each step prints "present" or what it changed):
#  - modules (files under WILDFLY_HOME/modules, read when first used): the PostgreSQL driver as the
#    module org.postgresql; EclipseLink, Herald's JPA provider, added to WildFly's own
#    org.eclipse.persistence module (the one that carries WildFly's EclipseLink integration);
#  - through the JBoss CLI, on the running server: the JDBC driver and the data source jdbc/herald
#    (JNDI java:/jdbc/herald); the messaging subsystem as a client of the external Artemis broker
#    (outbound socket binding herald-broker, remote connector, pooled connection factory herald-artemis
#    at java:/jms/herald/ConnectionFactory, the topic herald.events at java:/jms/herald/Events and the
#    queue herald.ingest at java:/jms/herald/Ingest); MicroProfile Health (readiness on the management
#    interface, http://<host>:9990/health/ready); Jakarta Security without JASPI integration for the
#    Bearer-token mechanism; the system properties (JWT key and issuer, secret key); then a reload if
#    the server asks for one, and the deployment.
#
# Optional: HERALD_TX_NODE_ID (default: the host name; at most 23 characters, unique per server);
# JBOSS_CLI_OPTS (e.g. "--controller=remote+http://127.0.0.1:9990 --user=admin
# --password=…"); HERALD_EAR, HERALD_PG_DRIVER, HERALD_ECLIPSELINK (defaults: the build's files
# under the repository: ear/target, server-config/target/full-server-lib); HERALD_DEPLOY=false to
# create the resources only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)

: "${WILDFLY_HOME:?WILDFLY_HOME, the WildFly installation (its modules and bin/jboss-cli.sh)}"
: "${HERALD_DB_URL:?HERALD_DB_URL, the JDBC URL of the PostgreSQL database}"
: "${HERALD_DB_USER:?HERALD_DB_USER}"
: "${HERALD_DB_PASSWORD:?HERALD_DB_PASSWORD}"
: "${HERALD_JWT_KEY_LOCATION:?HERALD_JWT_KEY_LOCATION, the path or URL of the JWT verification key}"
BROKER_HOST=${HERALD_BROKER_HOST:-127.0.0.1}
BROKER_PORT=${HERALD_BROKER_PORT:-61616}
# unique per server of a cluster (the transaction manager's recovery tells its transactions apart by it)
TX_NODE=${HERALD_TX_NODE_ID:-$(hostname | cut -c1-23)}
EAR=${HERALD_EAR:-$repo/ear/target/herald.ear}
lib=$repo/server-config/target/full-server-lib
PG_DRIVER=${HERALD_PG_DRIVER:-$(ls "$lib"/postgresql-*.jar 2>/dev/null | tail -n 1)}
ECLIPSELINK=${HERALD_ECLIPSELINK:-$(ls "$lib"/eclipselink-*.jar 2>/dev/null | tail -n 1)}
read -r -a OPTS <<< "${JBOSS_CLI_OPTS:-}"

cli() { "$WILDFLY_HOME/bin/jboss-cli.sh" --connect "${OPTS[@]}" "$@"; }
step() { printf '%-60s' "$1"; }
# a CLI string value: in double quotes, with \ and " escaped
q() { local v=${1//\\/\\\\}; printf '"%s"' "${v//\"/\\\"}"; }

modules=$WILDFLY_HOME/modules
# a module that the server has loaded once (an earlier failed deployment loads org.eclipse.persistence)
# keeps its old content until the JVM restarts, so new module files mean a restart
restart=false
step "module org.postgresql (PostgreSQL driver)"
pg_module=$modules/org/postgresql/main
if [ -f "$pg_module/module.xml" ]; then echo "present"
else
  [ -f "$PG_DRIVER" ] || { echo; echo "no PostgreSQL driver jar: set HERALD_PG_DRIVER (mvn -B package puts one in server-config/target/full-server-lib)" >&2; exit 1; }
  mkdir -p "$pg_module"
  cp "$PG_DRIVER" "$pg_module/"
  cat > "$pg_module/module.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
    <resources>
        <resource-root path="$(basename "$PG_DRIVER")"/>
    </resources>
    <dependencies>
        <module name="java.logging"/>
        <module name="java.management"/>
        <module name="java.naming"/>
        <module name="java.security.jgss"/>
        <module name="java.sql"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
EOF
  restart=true
  echo "created ($(basename "$PG_DRIVER"))"
fi

step "EclipseLink in module org.eclipse.persistence"
el_module=$(ls -d "$modules"/system/layers/base/org/eclipse/persistence/main)
if grep -q 'path="eclipselink' "$el_module/module.xml"; then echo "present"
else
  [ -f "$ECLIPSELINK" ] || { echo; echo "no EclipseLink jar: set HERALD_ECLIPSELINK (mvn -B package puts org.eclipse.persistence:eclipselink in server-config/target/full-server-lib)" >&2; exit 1; }
  cp "$ECLIPSELINK" "$el_module/"
  # the jar, and the JDK modules it needs beyond those of WildFly's integration
  sed -i -e "s|<resources>|<resources>\n        <resource-root path=\"$(basename "$ECLIPSELINK")\"/>|" \
    -e 's|<dependencies>|<dependencies>\n        <module name="java.desktop"/>\n        <module name="java.rmi"/>\n        <module name="java.sql"/>\n        <module name="java.xml"/>|' \
    "$el_module/module.xml"
  restart=true
  echo "added $(basename "$ECLIPSELINK")"
fi

broker_login=""
if [ -n "${HERALD_BROKER_USER:-}" ]; then
  broker_login=", user=$(q "$HERALD_BROKER_USER"), password=$(q "${HERALD_BROKER_PASSWORD:-}")"
fi
# a system property: added, or its value replaced
property() {
  printf 'if (outcome != success) of /system-property=%s:read-resource\n  /system-property=%s:add(value=%s)\nelse\n  /system-property=%s:write-attribute(name=value, value=%s)\nend-if\n' \
    "$1" "$1" "$(q "$2")" "$1" "$(q "$2")"
}
# EclipseLink finds the entities of a deployment through WildFly's virtual file system
properties=$(property eclipselink.archive.factory org.jipijapa.eclipselink.JBossArchiveFactoryImpl)
properties+=$'\n'$(property mp.jwt.verify.publickey.location "$HERALD_JWT_KEY_LOCATION")
[ -n "${HERALD_JWT_ISSUER:-}" ] && properties+=$'\n'$(property mp.jwt.verify.issuer "$HERALD_JWT_ISSUER")
[ -n "${HERALD_ORDERS_SECRET_KEY:-}" ] && properties+=$'\n'$(property herald.orders.secret-key "$HERALD_ORDERS_SECRET_KEY")

# One CLI session: each block creates a resource only when it is missing and says which it did;
# system properties are the configuration, so they are replaced every time.
commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
cat > "$commands" <<EOF
if (outcome != success) of /subsystem=datasources/jdbc-driver=postgresql:read-resource
  /subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql, driver-module-name=org.postgresql, driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)
  echo JDBC driver postgresql                                       created
else
  echo JDBC driver postgresql                                       present
end-if
if (outcome != success) of /subsystem=datasources/data-source=herald:read-resource
  /subsystem=datasources/data-source=herald:add(jndi-name=java:/jdbc/herald, driver-name=postgresql, connection-url=$(q "$HERALD_DB_URL"), user-name=$(q "$HERALD_DB_USER"), password=$(q "$HERALD_DB_PASSWORD"), min-pool-size=2, max-pool-size=32, blocking-timeout-wait-millis=2000, validate-on-match=true, valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker, exception-sorter-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLExceptionSorter)
  echo data source herald (java:/jdbc/herald)                       created
else
  echo data source herald (java:/jdbc/herald)                       present
end-if
if (outcome != success) of /socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=herald-broker:read-resource
  /socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=herald-broker:add(host=$(q "$BROKER_HOST"), port=$BROKER_PORT)
  echo socket binding herald-broker ($BROKER_HOST:$BROKER_PORT)     created
else
  echo socket binding herald-broker                                 present
end-if
if (outcome != success) of /subsystem=messaging-activemq/remote-connector=herald-broker:read-resource
  /subsystem=messaging-activemq/remote-connector=herald-broker:add(socket-binding=herald-broker)
  echo remote connector herald-broker                               created
else
  echo remote connector herald-broker                               present
end-if
if (outcome != success) of /subsystem=messaging-activemq/pooled-connection-factory=herald-artemis:read-resource
  /subsystem=messaging-activemq/pooled-connection-factory=herald-artemis:add(connectors=[herald-broker], entries=[java:/jms/herald/ConnectionFactory], transaction=xa, enable-amq1-prefix=false, reconnect-attempts=-1$broker_login)
  echo pooled connection factory herald-artemis                     created
else
  echo pooled connection factory herald-artemis                     present
end-if
if (outcome != success) of /subsystem=messaging-activemq/external-jms-topic=herald.events:read-resource
  /subsystem=messaging-activemq/external-jms-topic=herald.events:add(entries=[java:/jms/herald/Events], enable-amq1-prefix=false)
  echo topic herald.events (java:/jms/herald/Events)                created
else
  echo topic herald.events                                          present
end-if
if (outcome != success) of /subsystem=messaging-activemq/external-jms-queue=herald.ingest:read-resource
  /subsystem=messaging-activemq/external-jms-queue=herald.ingest:add(entries=[java:/jms/herald/Ingest], enable-amq1-prefix=false)
  echo queue herald.ingest (java:/jms/herald/Ingest)                created
else
  echo queue herald.ingest                                          present
end-if
if (outcome != success) of /extension=org.wildfly.extension.microprofile.health-smallrye:read-resource
  /extension=org.wildfly.extension.microprofile.health-smallrye:add
  echo extension MicroProfile Health                                added
else
  echo extension MicroProfile Health                                present
end-if
if (outcome != success) of /subsystem=microprofile-health-smallrye:read-resource
  /subsystem=microprofile-health-smallrye:add(security-enabled=false)
  echo subsystem microprofile-health-smallrye                       added
else
  echo subsystem microprofile-health-smallrye                       present
end-if
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi, value=false)
echo Jakarta Security without integrated JASPI                    set
/subsystem=transactions:write-attribute(name=node-identifier, value=$(q "$TX_NODE"))
echo transaction node identifier                                  $TX_NODE
$properties
echo system properties (JWT key, issuer, secret key)              set
EOF
cli --file="$commands" 2>&1 | grep -E '^[A-Za-z]' || true

running() {
  for _ in $(seq 180); do
    cli --command=':read-attribute(name=server-state)' 2>/dev/null | grep -q '"running"' && return 0
    sleep 1
  done
  echo "the server did not come back within 3 minutes" >&2; exit 1
}
step "restart or reload"
if [ "$restart" = true ]; then
  # the CLI waits only a few seconds for the server to come back; running() waits up to 3 minutes
  cli --command='shutdown --restart=true' >/dev/null || true; sleep 2; running; echo "restarted (new modules)"
elif cli --command=':read-attribute(name=server-state)' | grep -q 'reload-required'; then
  cli --command='reload' >/dev/null || true; running; echo "reloaded"
else echo "not needed"; fi

if [ "${HERALD_DEPLOY:-true}" = true ]; then
  step "application herald.ear ($EAR)"
  if out=$(cli --command="deploy $(q "$EAR") --name=herald.ear --force" 2>&1); then echo "deployed"
  else echo "failed"; printf '%s\n' "$out" >&2; exit 1; fi
fi
