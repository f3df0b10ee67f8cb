#!/usr/bin/env bash
# Zipper as a cluster on this machine: three WildFly instances (or two Payara Server instances) with the
# same EAR, sharing one PostgreSQL database, on a replicated ActiveMQ Artemis pair (primary and backup),
# behind HAProxy on one address.
#   cluster.sh start DIR [wildfly|payara]  start it all (instances' data and logs in DIR), wait until
#                                          every part is ready
#   cluster.sh stop DIR    stop it all, leaving no process behind
#   cluster.sh status DIR  where each part listens, and each process's resident memory
#   cluster.sh start-instance DIR N   start instance N again (after it was stopped or killed)
# ZIPPER_CLUSTER_INSTANCES sets how many instances start (1 to 9; bench/cluster.sh tries 1, 2 and 3).
# Needs PostgreSQL (ZIPPER_DB_*, else the database zipper_cluster on 127.0.0.1:5432, made if missing,
# user postgres) and haproxy (Debian: apt-get install haproxy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
command=${1:?usage: cluster.sh start|stop|status DIR}
dir=$(mkdir -p "${2:?usage: cluster.sh start|stop|status DIR}" && cd "$2" && pwd)
broker="$project/jms-config/artemis/broker.sh"
# the server and the number of instances are chosen at start and kept for the other commands
if [ "$command" = start ]; then
    case "${3:-wildfly}" in
        wildfly|payara) echo "${3:-wildfly}" > "$dir/server" ;;
        *) echo "usage: cluster.sh start DIR [wildfly|payara]" >&2; exit 2 ;;
    esac
    # Payara Server takes more memory and a longer start per instance: two of them on two cores
    count=${ZIPPER_CLUSTER_INSTANCES:-3}
    [ "${3:-wildfly}" = payara ] && count=${ZIPPER_CLUSTER_INSTANCES:-2}
    [[ "$count" =~ ^[1-9]$ ]] || { echo "[cluster] ZIPPER_CLUSTER_INSTANCES: 1 to 9, not $count" >&2; exit 2; }
    echo "$count" > "$dir/instances"
fi
server=$(cat "$dir/server" 2>/dev/null || echo wildfly)
script="$project/ear/src/main/$server/$server.sh"
mapfile -t instances < <(seq 1 "$(cat "$dir/instances" 2>/dev/null || echo 3)")

database() {
    export ZIPPER_DB_DRIVER=${ZIPPER_DB_DRIVER:-postgresql}
    if [ "$ZIPPER_DB_DRIVER" != postgresql ] || [[ "${ZIPPER_DB_URL:-jdbc:postgresql:}" != jdbc:postgresql:* ]]; then
        echo "[cluster] a cluster needs PostgreSQL: H2 is embedded in one process, and no second instance can" \
             "share it. Set ZIPPER_DB_URL to a PostgreSQL database (or leave it unset for 127.0.0.1:5432)." >&2
        exit 2
    fi
    if [ -z "${ZIPPER_DB_URL:-}" ]; then
        export ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_cluster ZIPPER_DB_USER=${ZIPPER_DB_USER:-postgres}
        psql -h 127.0.0.1 -U "$ZIPPER_DB_USER" -tAc "SELECT 1 FROM pg_database WHERE datname = 'zipper_cluster'" postgres \
            | grep -q 1 || psql -h 127.0.0.1 -U "$ZIPPER_DB_USER" -qc "CREATE DATABASE zipper_cluster" postgres
    fi
}

ready() { curl -sf -o /dev/null "$1"; }
# MicroProfile Health: on WildFly's management port, on Payara's HTTP port
health_port() { if [ "$server" = payara ]; then echo $((8080 + $1 * 100)); else echo $((9990 + $1 * 100)); fi; }

start_instance() {
    echo "[cluster] starting zipper-$1 ($server)..."
    ZIPPER_ARTEMIS_HOST=127.0.0.1 ZIPPER_ARTEMIS_PORT=61616 ZIPPER_ARTEMIS_BACKUP_PORT=61617 \
    ZIPPER_INSTANCE="zipper-$1" ZIPPER_PORT_OFFSET=$(($1 * 100)) "$script" start "$dir/zipper-$1" \
        > "$dir/zipper-$1.log" 2>&1 || { cat "$dir/zipper-$1.log" >&2; exit 1; }
}

start() {
    command -v haproxy > /dev/null || { echo "[cluster] haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 2; }
    # HAProxy binds with SO_REUSEPORT: it would share the address with whatever holds it, silently
    if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
        echo "[cluster] 127.0.0.1:8080 is taken (another Zipper, or a cluster not stopped?): stop it first" >&2; exit 2
    fi
    database
    "$broker" start primary > /dev/null
    "$broker" start backup > /dev/null
    local servers=""
    for n in "${instances[@]}"; do
        start_instance "$n"
        servers+="    server zipper-$n 127.0.0.1:$((8080 + n * 100)) check port $(health_port "$n")"$'\n'
    done
    # every instance ready (its own readiness UP) before the balancer takes it: HAProxy counts a server up
    # until its checks say otherwise, and would send to one still warming up
    for n in "${instances[@]}"; do
        local health="http://127.0.0.1:$(health_port "$n")/health/ready" up=""
        for _ in $(seq 1 60); do ready "$health" && { up=yes; break; }; sleep 1; done
        [ -n "$up" ] || { echo "[cluster] zipper-$n is not ready after 60 s: $(curl -s "$health")" >&2; exit 1; }
    done
    sed -e "s|@DIR@|$dir|" "$here/haproxy.cfg" | awk -v servers="$servers" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' \
        > "$dir/haproxy.cfg"
    haproxy -D -f "$dir/haproxy.cfg"
    # ready once the balancer has answered three times in a row, a second apart: its own checks have run
    local answered=0
    for _ in $(seq 1 30); do
        if ready http://127.0.0.1:8080/zipper/api/openapi; then answered=$((answered + 1)); else answered=0; fi
        [ "$answered" -ge 3 ] && return 0
        sleep 1
    done
    echo "[cluster] the balancer does not answer on 127.0.0.1:8080; see $dir/haproxy.cfg" >&2
    exit 1
}

stop() {
    local balancer
    balancer=$(pid_of "$dir/haproxy.pid")
    if [ -n "$balancer" ] && kill "$balancer" 2>/dev/null; then
        # gone before anyone binds its address again
        for _ in $(seq 1 20); do kill -0 "$balancer" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$dir/haproxy.pid"
    for n in "${instances[@]}"; do "$script" stop "$dir/zipper-$n" > /dev/null 2>&1 || true; done
    "$broker" stop backup > /dev/null 2>&1 || true
    "$broker" stop primary > /dev/null 2>&1 || true
}

rss() { [ -n "$1" ] && ps -o rss= -p "$1" 2>/dev/null | awk '{ printf "%d MB", $1 / 1024 }'; }
pid_of() { cat "$1" 2>/dev/null || true; }
# the JVM under a script's pid (standalone.sh runs java as its child)
java_of() { local script; script=$(pid_of "$1"); [ -n "$script" ] && (pgrep -P "$script" java || echo "$script") | head -1; }
# an instance's JVM: WildFly's under its script, Payara's in the domain's pid file
instance_pid() {
    if [ "$server" = payara ]; then pid_of "$dir/zipper-$1/zipper/config/pid"; else java_of "$dir/zipper-$1/wildfly.pid"; fi
}

status() {
    echo "  API       http://127.0.0.1:8080/zipper/api/accounts (HAProxy, RSS $(rss "$(pid_of "$dir/haproxy.pid")"))"
    for n in "${instances[@]}"; do
        echo "  zipper-$n  http://127.0.0.1:$((8080 + n * 100))/zipper/api, health http://127.0.0.1:$(health_port "$n")/health/ready" \
             "($server, RSS $(rss "$(instance_pid "$n")"))"
    done
    for role in primary backup; do
        local port=61616; [ "$role" = backup ] && port=61617
        echo "  broker    $role on 127.0.0.1:$port (Artemis, RSS $(rss "$(pid_of "$project/jms-config/target/artemis-$role/data/artemis.pid")"))"
    done
    echo "  database  $ZIPPER_DB_URL"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    status) database; status ;;
    start-instance) database; start_instance "${3:?usage: cluster.sh start-instance DIR N}" ;;
    *) echo "usage: cluster.sh start|stop|status DIR" >&2; exit 2 ;;
esac
