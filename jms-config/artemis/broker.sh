#!/usr/bin/env bash
# A standalone ActiveMQ Artemis broker for Zipper, on 127.0.0.1:61616 only.
#   broker.sh start | stop | status
#   broker.sh kill     kill -9 (for the fault tests: a broker that dies without shutting down)
#   broker.sh reset    stop and delete every message, queue and subscription (a fresh broker on next start)
# The build unpacks the distribution from Maven Central into jms-config/target (the same 2.44 line as
# WildFly 39's client); the instance, with Zipper's broker.xml and the user zipper/zipper, lives in
# jms-config/target/artemis-broker.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/.." && pwd)
version=${ARTEMIS_VERSION:-2.44.0}
home="$module/target/apache-artemis-$version"
instance="$module/target/artemis-broker"

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

listening() { (exec 3<>/dev/tcp/127.0.0.1/61616) 2>/dev/null; }

case "${1:-}" in
    start)
        if listening; then echo "[broker] already listening on 127.0.0.1:61616"; exit 0; fi
        installed; create
        cp "$here/broker.xml" "$instance/etc/broker.xml"
        "$instance/bin/artemis-service" start
        for _ in $(seq 1 60); do
            if listening; then echo "[broker] listening on 127.0.0.1:61616"; exit 0; fi
            sleep 1
        done
        echo "[broker] did not start; see $instance/log/artemis.log" >&2; exit 1 ;;
    stop) [ -f "$instance/bin/artemis-service" ] && "$instance/bin/artemis-service" stop ;;
    status) [ -f "$instance/bin/artemis-service" ] && "$instance/bin/artemis-service" status ;;
    kill)
        pid=$(cat "$instance/data/artemis.pid" 2>/dev/null || true)
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do listening || exit 0; sleep 1; done
        echo "[broker] still listening after kill -9" >&2; exit 1 ;;
    reset)
        [ -f "$instance/bin/artemis-service" ] && "$instance/bin/artemis-service" stop || true
        rm -rf "$instance/data" ;;
    *) echo "usage: $0 start|stop|status|kill|reset" >&2; exit 2 ;;
esac
