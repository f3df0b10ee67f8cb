#!/usr/bin/env bash
# Builds Zipper and runs it on WildFly with the embedded defaults: the ActiveMQ Artemis broker inside
# the server and an H2 file database. Set ZIPPER_DB_* to use PostgreSQL instead, ZIPPER_ARTEMIS_HOST to use
# a standalone Artemis broker (see README).
# The run keeps its own configuration, data and logs in ear/target/run, apart from the test suites'.
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)

echo "[zipper] building (first run downloads WildFly and dependencies from Maven Central)..."
mvn -B -ntp -DskipTests package | grep -E "^\[INFO\] Building |BUILD|ERROR" || true
[ -f ear/target/zipper.ear ] || { echo "[zipper] build failed: no ear/target/zipper.ear" >&2; exit 1; }

wildfly=$(ls -d ear/target/wildfly-*/ | head -1)
wildfly=${wildfly%/}
base=ear/target/run
mkdir -p "$base/deployments" "$base/log"
rm -rf "$base/configuration" "$base/deployments"/zipper.ear*
cp -r "$wildfly/standalone/configuration" "$base/"
cp ear/target/zipper.ear "$base/deployments/"
broker="embedded Artemis"
if [ -n "${ZIPPER_ARTEMIS_HOST:-}" ]; then
    echo "[zipper] pointing messaging at the standalone Artemis on $ZIPPER_ARTEMIS_HOST:${ZIPPER_ARTEMIS_PORT:-61616}"
    JAVA_OPTS="-Djboss.server.base.dir=$PWD/$base" "$wildfly/bin/jboss-cli.sh" \
        --file=jms-config/wildfly/remote-artemis.cli > "$base/log/remote-artemis.log"
    broker="standalone Artemis on $ZIPPER_ARTEMIS_HOST:${ZIPPER_ARTEMIS_PORT:-61616}"
fi

echo "[zipper] starting $(basename "$wildfly") (log: $base/log/server.log)..."
export LAUNCH_JBOSS_IN_BACKGROUND=1
export JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true}"
"$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$PWD/$base" \
    > "$base/log/console.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' INT TERM

for _ in $(seq 1 180); do
    if [ -f "$base/deployments/zipper.ear.deployed" ]; then break; fi
    if [ -f "$base/deployments/zipper.ear.failed" ] || ! kill -0 $server 2>/dev/null; then
        echo "[zipper] deployment failed; see $base/log/server.log" >&2
        kill $server 2>/dev/null || true
        exit 1
    fi
    sleep 1
done
[ -f "$base/deployments/zipper.ear.deployed" ] || { echo "[zipper] not ready after 180 s" >&2; kill $server; exit 1; }

cat <<READY
[zipper] ready in $(( $(date +%s) - started )) s: WildFly with $broker, database ${ZIPPER_DB_URL:-H2 in $base/data/zipper}
  API       http://127.0.0.1:8080/zipper/api/accounts
  Health    http://127.0.0.1:9990/health/ready
  OpenAPI   http://127.0.0.1:8080/openapi
  Stop with Ctrl+C.
READY
wait $server
