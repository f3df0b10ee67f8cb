#!/usr/bin/env bash
# Builds Zipper and runs it:
#   ./run.sh           WildFly, with the ActiveMQ Artemis broker inside it (the embedded default)
#   ./run.sh payara    Payara Server 6, with a standalone Artemis broker on 127.0.0.1:61616
# Both use an H2 file database unless ZIPPER_DB_* point elsewhere (see README). Each server keeps its
# configuration, data and logs in ear/target/run-<server>, apart from the test suites'. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
server=${1:-wildfly}
case "$server" in wildfly|payara) ;; *) echo "usage: ./run.sh [wildfly|payara]" >&2; exit 2 ;; esac
started=$(date +%s)
dir=$PWD/ear/target/run-$server

echo "[zipper] building (the first run downloads the servers and dependencies from Maven Central)..."
mvn -B -ntp -DskipTests package | grep -E "^\[INFO\] Building |BUILD|ERROR" || true
[ -f ear/target/zipper.ear ] || { echo "[zipper] build failed: no ear/target/zipper.ear" >&2; exit 1; }

stop() {
    echo "[zipper] stopping"
    "ear/src/main/$server/$server.sh" stop "$dir" > /dev/null 2>&1 || true
    [ "$server" = payara ] && jms-config/artemis/broker.sh stop > /dev/null 2>&1 || true
}
trap stop EXIT
trap 'exit 130' INT TERM

if [ "$server" = payara ]; then
    export ZIPPER_ARTEMIS_HOST=${ZIPPER_ARTEMIS_HOST:-127.0.0.1}
    [ "$ZIPPER_ARTEMIS_HOST" = 127.0.0.1 ] && jms-config/artemis/broker.sh start
fi
note=""
[ "$server" = payara ] && note=" (a new Payara domain is configured first: about a minute more)"
echo "[zipper] starting $server in $dir$note..."
"ear/src/main/$server/$server.sh" start "$dir" > "$PWD/ear/target/run-$server.log" 2>&1 \
    || { cat "$PWD/ear/target/run-$server.log" >&2; exit 1; }

broker="embedded Artemis"
[ -n "${ZIPPER_ARTEMIS_HOST:-}" ] && broker="standalone Artemis on $ZIPPER_ARTEMIS_HOST:${ZIPPER_ARTEMIS_PORT:-61616}"
health=http://127.0.0.1:9990/health/ready
[ "$server" = payara ] && health=http://127.0.0.1:8080/health/ready
cat <<READY
[zipper] ready in $(( $(date +%s) - started )) s: $server with $broker, database ${ZIPPER_DB_URL:-H2 in $dir}
  API       http://127.0.0.1:8080/zipper/api/accounts
  Health    $health
  OpenAPI   http://127.0.0.1:8080/openapi
  Stop with Ctrl+C.
READY
sleep infinity &
wait $!
