#!/usr/bin/env bash
# WildFly for Zipper: an instance (configuration, data, logs) in its own directory, using the server
# the build unpacked and configured in ear/target, with zipper.ear deployed.
#   wildfly.sh start DIR   start the instance in DIR (created if missing), deploy, wait until deployed
#   wildfly.sh stop DIR
# Reads ZIPPER_DB_* when it starts (H2 in DIR/data by default). With ZIPPER_ARTEMIS_HOST set, it uses a
# standalone Artemis broker (jms-config/wildfly/remote-artemis.cli) instead of the embedded one, and with
# ZIPPER_ARTEMIS_BACKUP_PORT too, a replicated pair (remote-artemis-pair.cli). One of several instances
# (run.sh cluster) has a name, ZIPPER_INSTANCE, and its ports moved by ZIPPER_PORT_OFFSET. Bearer tokens
# are verified with MP_JWT_VERIFY_* (an identity provider), or, with ZIPPER_AUTH_DEVELOPMENT=true, with
# the development issuer's key (ear/src/main/dev-issuer).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
wildfly=$(ls -d "$project"/ear/target/wildfly-*/ | head -1)
wildfly=${wildfly%/}
command=${1:?usage: wildfly.sh start|stop DIR}
base=$(mkdir -p "${2:?usage: wildfly.sh start|stop DIR}" && cd "$2" && pwd)

start() {
    mkdir -p "$base/deployments" "$base/log"
    rm -rf "$base/configuration" "$base/deployments"/zipper.ear*
    cp -r "$wildfly/standalone/configuration" "$base/"
    if [ -n "${ZIPPER_ARTEMIS_HOST:-}" ]; then
        JAVA_OPTS="-Djboss.server.base.dir=$base" "$wildfly/bin/jboss-cli.sh" \
            --file="$project/jms-config/wildfly/remote-artemis.cli" > "$base/log/remote-artemis.log"
    fi
    if [ -n "${ZIPPER_ARTEMIS_BACKUP_PORT:-}" ]; then
        JAVA_OPTS="-Djboss.server.base.dir=$base" "$wildfly/bin/jboss-cli.sh" \
            --file="$project/jms-config/wildfly/remote-artemis-pair.cli" >> "$base/log/remote-artemis.log"
    fi
    local instance=()
    if [ -n "${ZIPPER_INSTANCE:-}" ]; then
        # its name in the cluster (the transaction manager's node id too, which must differ per instance)
        instance=("-Djboss.node.name=$ZIPPER_INSTANCE" "-Djboss.tx.node.id=$ZIPPER_INSTANCE" "-Dzipper.instance=$ZIPPER_INSTANCE")
    fi
    cp "$project/ear/target/zipper.ear" "$base/deployments/"
    local setting
    for setting in $("$project/ear/src/main/dev-issuer/dev-issuer.sh" settings); do export "${setting?}"; done
    # the parallel collector: on two cores it left more CPU to commands than G1 (bench/RESULTS.md, issue 25)
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/java.pid" \
    JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseParallelGC -Djava.net.preferIPv4Stack=true}" \
        nohup "$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
        -Djboss.socket.binding.port-offset="${ZIPPER_PORT_OFFSET:-0}" "${instance[@]}" \
        > "$base/log/console.log" 2>&1 &
    echo $! > "$base/wildfly.pid"
    for _ in $(seq 1 180); do
        [ -f "$base/deployments/zipper.ear.deployed" ] && return 0
        if [ -f "$base/deployments/zipper.ear.failed" ] || ! kill -0 "$(cat "$base/wildfly.pid")" 2>/dev/null; then
            echo "zipper.ear did not deploy; see $base/log/server.log" >&2
            stop; return 1
        fi
        sleep 1
    done
    echo "zipper.ear not deployed after 180 s; see $base/log/server.log" >&2
    stop; return 1
}

stop() {
    [ -f "$base/wildfly.pid" ] || return 0
    local pid
    pid=$(cat "$base/wildfly.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    # the script's java, if it outlived the script (a stop that hung): the port must be free when this returns
    local java
    java=$(cat "$base/java.pid" 2>/dev/null || true)
    if [ -n "$java" ] && tr '\0' ' ' < "/proc/$java/cmdline" 2>/dev/null | grep -qF "$base"; then kill -9 "$java"; fi
    rm -f "$base/wildfly.pid" "$base/java.pid"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: wildfly.sh start|stop DIR" >&2; exit 2 ;;
esac
