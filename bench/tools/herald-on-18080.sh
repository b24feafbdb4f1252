# Sourced by burst-jfr.sh and paced.sh: starts <herald.jar> ($JAR) on 127.0.0.1:18080 in a new temporary
# folder (the current directory afterwards), stops it when the script exits, waits for readiness and
# signs in to the commerce API. Sets D (the folder), P (herald.jar's PID) and COOKIE (the session cookie).
D=$(mktemp -d /tmp/herald-tool.XXXXXX); cd "$D"
java -Xmx1g -jar "$JAR" --port 18080 > herald.log 2>&1 & P=$!
trap 'kill $P 2>/dev/null; wait $P 2>/dev/null' EXIT
for _ in $(seq 1 120); do sleep 1; curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:18080/health/ready | grep -q 200 && break; done
curl -s -c cookies -H 'Content-Type: application/json' -d '{"email":"admin@example.com","password":"admin"}' http://127.0.0.1:18080/commerce/api/auth/login >/dev/null
COOKIE="JSESSIONID=$(grep JSESSIONID cookies | awk '{print $7}')"
