#!/usr/bin/env bash
# A standalone ActiveMQ Artemis broker for Zipper, on loopback only.
#   broker.sh start | stop | status [BROKER]
#   broker.sh kill [BROKER]    kill -9 (for the fault tests: a broker that dies without shutting down)
#   broker.sh reset [BROKER]   stop and delete every message, queue and subscription (a fresh broker on next start)
# BROKER is "single" (the default: 127.0.0.1:61616), or one of the cluster's replicated pair: "primary"
# (61616) and "backup" (61617), which replicates the primary and takes over when it dies (pair.xml).
# The build unpacks the distribution from Maven Central into jms-config/target (the same 2.44 line as
# WildFly 39's client); each instance, with Zipper's broker.xml and the user zipper/zipper, lives in
# jms-config/target/artemis-<BROKER> (the single one in jms-config/target/artemis-broker).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/.." && pwd)
version=${ARTEMIS_VERSION:-2.44.0}
home="$module/target/apache-artemis-$version"
role=${2:-single}
case "$role" in
    single) instance="$module/target/artemis-broker"; port=61616 ;;
    primary) instance="$module/target/artemis-primary"; port=61616; other=61617 ;;
    backup) instance="$module/target/artemis-backup"; port=61617; other=61616 ;;
    *) echo "usage: $0 start|stop|status|kill|reset [single|primary|backup]" >&2; exit 2 ;;
esac

installed() {
    [ -x "$home/bin/artemis" ] && return
    echo "[broker] no Artemis distribution in $home: build the project first (mvn package)" >&2
    exit 1
}

create() {
    [ -f "$instance/bin/artemis" ] && return
    "$home/bin/artemis" create --silent --user zipper --password zipper --require-login \
        --host 127.0.0.1 --no-web --no-autotune \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        "$instance" >/dev/null
    # a modest heap: the machine also runs the application server and the database
    sed -i -E 's/-Xms[0-9]+[MG]/-Xms64M/; s/-Xmx[0-9]+[MG]/-Xmx256M/' "$instance/etc/artemis.profile"
}

# Zipper's broker.xml, on this broker's port; for the pair with pair.xml's HA settings added to it
configure() {
    local policy="<check-for-active-server>true</check-for-active-server>"
    [ "$role" = backup ] && policy="<allow-failback>false</allow-failback>"
    sed -e "s|tcp://127.0.0.1:61616|tcp://127.0.0.1:$port|" "$here/broker.xml" > "$instance/etc/broker.xml"
    if [ "$role" != single ]; then
        sed -e "s|@SELF@|127.0.0.1:$port|; s|@OTHER@|127.0.0.1:$other|; s|@ROLE@|$role|g; s|@POLICY@|$policy|" "$here/pair.xml" > "$instance/etc/pair.xml"
        sed -i -e "/<\/acceptors>/r $instance/etc/pair.xml" "$instance/etc/broker.xml"
    fi
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# Stops the broker and waits until its process has gone (the service script returns once it has asked):
# whoever starts next on this port must not find the old broker still listening there.
halt() {
    [ -f "$instance/bin/artemis-service" ] || return 0
    local pid
    pid=$(cat "$instance/data/artemis.pid" 2>/dev/null || true)
    "$instance/bin/artemis-service" stop || true
    for _ in $(seq 1 30); do
        { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || return 0
        sleep 1
    done
    echo "[broker] $role still running 30 s after it was asked to stop: kill -9" >&2
    kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
    start)
        if listening; then echo "[broker] already listening on 127.0.0.1:$port"; exit 0; fi
        installed; create; configure
        seen=0
        [ -f "$instance/log/artemis.log" ] && seen=$(wc -l < "$instance/log/artemis.log")
        "$instance/bin/artemis-service" start
        for _ in $(seq 1 60); do
            if listening; then echo "[broker] $role listening on 127.0.0.1:$port"; exit 0; fi
            # a broker of the pair that starts as the backup (the backup, or a primary whose backup took
            # over) opens its port only once it takes over: it is ready once it replicates the active one
            if [ "$role" != single ] && tail -n "+$((seen + 1))" "$instance/log/artemis.log" 2>/dev/null | grep -q AMQ221024; then
                echo "[broker] $role replicating the active broker, standing by on 127.0.0.1:$port"; exit 0
            fi
            sleep 1
        done
        echo "[broker] did not start; see $instance/log/artemis.log" >&2; exit 1 ;;
    stop) halt ;;
    status) [ -f "$instance/bin/artemis-service" ] && "$instance/bin/artemis-service" status ;;
    kill)
        pid=$(cat "$instance/data/artemis.pid" 2>/dev/null || true)
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
        # artemis-service would refuse to start the next one ("Already running") while the dead broker's
        # process is not yet reaped: its pid file goes with it
        rm -f "$instance/data/artemis.pid"
        for _ in $(seq 1 30); do listening || exit 0; sleep 1; done
        echo "[broker] still listening after kill -9" >&2; exit 1 ;;
    reset)
        halt
        rm -rf "$instance/data" ;;
    *) echo "usage: $0 start|stop|status|kill|reset" >&2; exit 2 ;;
esac
