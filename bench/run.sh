#!/usr/bin/env bash
# The benchmark, one command: bench/run.sh [--quick] [--no-wildfly | --wildfly-only]
# Builds herald.jar, the EAR and the load generator (which unpacks WildFly into bench/target/wildfly), installs the ws
# package (the Node peer's and the Node subscribers'), then runs every scenario against herald.jar (embedded default)
# and the Node.js ws peer in one run, the fan-out and idle-connections scenarios against the same EAR on WildFly
# (with a throwaway PostgreSQL server and an Artemis broker; --no-wildfly skips it, --wildfly-only runs only it and the
# peer and writes bench/target/results/), and two Herald nodes on one broker. Everything listens on 127.0.0.1; every
# process it starts is stopped by the load generator. Writes bench/results/latest.{md,json}, fanout.png and
# latency.png. Not run by the build or CI.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing Node.js and npm from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
# the WildFly target's database: PostgreSQL's initdb and pg_ctl, as .ci/run installs them
if [[ " $* " != *" --no-wildfly "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
(cd bench/peer && npm install --no-audit --no-fund --loglevel=error)
mvn -B -q -DskipTests package
ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec java -Xmx2g -jar bench/target/herald-bench.jar --repo . "$@"
