#!/usr/bin/env bash
# Builds Zipper and runs it:
#   ./run.sh           WildFly, with the ActiveMQ Artemis broker inside it (the embedded default)
#   ./run.sh payara    Payara Server 6, with a standalone Artemis broker on 127.0.0.1:61616
#   ./run.sh cluster   three WildFly instances on PostgreSQL and a replicated Artemis pair, behind HAProxy
#                      on 127.0.0.1:8080 (ear/src/main/cluster/cluster.sh)
#   ./run.sh cluster payara   the same with two Payara Server instances
#   ./run.sh token ROLES [SUBJECT]   a bearer token of the development issuer (customer, staff, operator)
# The first two use an H2 file database unless ZIPPER_DB_* point elsewhere (see README). Each server keeps its
# configuration, data and logs in ear/target/run-<server>, apart from the test suites'. Everything
# listens on 127.0.0.1 only. Ctrl+C (SIGINT) or SIGTERM stops it, in a terminal or in the background.
# Callers present bearer tokens: of the identity provider MP_JWT_VERIFY_* name (README: Who may do what),
# else of the development issuer, whose keys are made at first start in .zipper/dev-issuer.
set -euo pipefail
# A shell started in the background ignores SIGINT, and bash cannot trap a signal ignored at its start:
# start again with the default dispositions, so that a trap can be set below.
if [ -z "${ZIPPER_RUN_SIGNALS:-}" ]; then
    ZIPPER_RUN_SIGNALS=default exec env --default-signal=INT,TERM "$0" "$@"
fi
cd "$(dirname "$0")"
if [ "${1:-}" = token ]; then
    shift
    exec ear/src/main/dev-issuer/dev-issuer.sh token "$@"
fi
tokens="  Tokens    from your identity provider (${MP_JWT_VERIFY_ISSUER:-its issuer})"
if [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ]; then
    export ZIPPER_AUTH_DEVELOPMENT=true
    tokens="  Tokens    development issuer, keys made at first start in .zipper/dev-issuer (not for production):
            token=\$(./run.sh token customer)   # or staff, operator; a customer's subject: ./run.sh token customer ada
            curl -H \"Authorization: Bearer \$token\" ..."
fi
server=${1:-wildfly}
# the cluster's instances run on the second argument's server
members=${2:-wildfly}
case "$server/$members" in
    wildfly/wildfly|cluster/wildfly) other=payara ;;
    payara/wildfly|cluster/payara) other=wildfly ;;
    *) echo "usage: ./run.sh [wildfly|payara|cluster [wildfly|payara]]" >&2; exit 2 ;;
esac
if [ "$server" = cluster ] && { [ "${ZIPPER_DB_DRIVER:-postgresql}" != postgresql ] \
        || [[ "${ZIPPER_DB_URL:-jdbc:postgresql:}" != jdbc:postgresql:* ]]; }; then
    echo "[zipper] a cluster needs PostgreSQL: H2 is embedded in one process, and no second instance can share it." \
         "Leave ZIPPER_DB_* unset (PostgreSQL on 127.0.0.1:5432) or point them at PostgreSQL." >&2
    exit 2
fi
started=$(date +%s)
dir=$PWD/ear/target/run-$server
[ "$server" = cluster ] && [ "$members" = payara ] && dir=$PWD/ear/target/run-cluster-payara

echo "[zipper] building (the first run downloads the server and the dependencies from Maven Central)..."
# only this server is prepared; the standalone broker only for Payara
skip="-Dzipper.$other.skip"
[ "$server" = wildfly ] && skip="$skip -Dzipper.broker.skip"
# shellcheck disable=SC2086
mvn -B -ntp -DskipTests $skip package | grep -E "^\[INFO\] Building |BUILD|ERROR" || true
[ -f ear/target/zipper.ear ] || { echo "[zipper] build failed: no ear/target/zipper.ear" >&2; exit 1; }

waiting=""
stop() {
    trap - EXIT INT TERM
    echo "[zipper] stopping"
    [ -n "$waiting" ] && kill "$waiting" 2>/dev/null
    "ear/src/main/$server/$server.sh" stop "$dir" > /dev/null 2>&1 || true
    [ "$server" = payara ] && jms-config/artemis/broker.sh stop > /dev/null 2>&1 || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$server" = payara ]; then
    export ZIPPER_ARTEMIS_HOST=${ZIPPER_ARTEMIS_HOST:-127.0.0.1}
    [ "$ZIPPER_ARTEMIS_HOST" = 127.0.0.1 ] && jms-config/artemis/broker.sh start
fi
note=""
[ "$other" = wildfly ] && note=" (a new Payara domain is configured first: about a minute more per domain)"
echo "[zipper] starting $server in $dir$note..."
start=(start "$dir")
[ "$server" = cluster ] && start+=("$members")
"ear/src/main/$server/$server.sh" "${start[@]}" > "$PWD/ear/target/run-$server.log" 2>&1 \
    || { cat "$PWD/ear/target/run-$server.log" >&2; exit 1; }

if [ "$server" = cluster ]; then
    echo "[zipper] ready in $(( $(date +%s) - started )) s: $members instances, a replicated Artemis pair and PostgreSQL, behind HAProxy"
    ear/src/main/cluster/cluster.sh status "$dir"
    echo "$tokens"
    echo "  Stop with Ctrl+C."
    sleep infinity &
    waiting=$!
    wait "$waiting"
fi
broker="embedded Artemis"
[ -n "${ZIPPER_ARTEMIS_HOST:-}" ] && broker="standalone Artemis on $ZIPPER_ARTEMIS_HOST:${ZIPPER_ARTEMIS_PORT:-61616}"
health=http://127.0.0.1:9990/health
admin="WildFly's management console is off until you add a management user (bin/add-user.sh)"
if [ "$server" = payara ]; then
    health=http://127.0.0.1:8080/health
    admin="http://127.0.0.1:4848, user admin, password in $dir/admin-password"
fi
console="  Console   http://127.0.0.1:8080/zipper/console/ (an operator's token)"
if [ "${ZIPPER_AUTH_DEVELOPMENT:-}" = true ]; then
    # the token rides in the fragment, which the browser never sends; the page keeps it for the tab
    console="  Console   http://127.0.0.1:8080/zipper/console/#token=$(ear/src/main/dev-issuer/dev-issuer.sh token operator)
            (an operator's token for an hour; ./run.sh token operator makes another)"
fi
cat <<READY
[zipper] ready in $(( $(date +%s) - started )) s: $server with $broker, database ${ZIPPER_DB_URL:-H2 in $dir}
  API       http://127.0.0.1:8080/zipper/api/accounts
  Health    $health/ready, $health/live
  Metrics   http://127.0.0.1:8080/zipper/metrics
  OpenAPI   http://127.0.0.1:8080/zipper/api/openapi, events: http://127.0.0.1:8080/zipper/api/asyncapi
$console
  Admin     $admin
$tokens
  Stop with Ctrl+C.
READY
# wait without a process of our own left behind: the sleep is killed on the way out
sleep infinity &
waiting=$!
wait "$waiting"
