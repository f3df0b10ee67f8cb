#!/usr/bin/env bash
# Keycloak as Zipper's identity provider, for the suite and for trying Zipper with a real provider: the
# distribution the build unpacked (ear/target/keycloak-*), on 127.0.0.1:${ZIPPER_KEYCLOAK_PORT:-18180} in
# development mode, with the realm of zipper-realm.json (customers ada and bob, staff sam, operator olga).
# Their passwords and the administrator's are generated at the first start into DIR/passwords (owner-only);
# no password is kept in the repository. Keycloak needs Java 21 or later: the newest JDK under /usr/lib/jvm
# unless ZIPPER_KEYCLOAK_JAVA_HOME names one.
#   keycloak.sh start DIR     start it (a fresh realm each time) and wait until it answers
#   keycloak.sh stop DIR
#   keycloak.sh token DIR USER    an access token for the user (password grant on the client "zipper")
#   keycloak.sh env           the MP_JWT_VERIFY_* settings that point Zipper at it
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
port=${ZIPPER_KEYCLOAK_PORT:-18180}
realm=http://127.0.0.1:$port/realms/zipper
command=${1:?usage: keycloak.sh start|stop|token DIR [USER] | env}

if [ "$command" = env ]; then
    echo "export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$realm/protocol/openid-connect/certs MP_JWT_VERIFY_ISSUER=$realm MP_JWT_VERIFY_AUDIENCES=zipper"
    exit 0
fi
base=$(mkdir -p "${2:?usage: keycloak.sh $command DIR}" && cd "$2" && pwd)

start() {
    local home java_home
    home=$(ls -d "$project"/ear/target/keycloak-*/ 2>/dev/null | head -1)
    [ -n "$home" ] || { echo "no Keycloak in ear/target: run mvn -Pkeycloak -DskipTests package first" >&2; return 1; }
    home=${home%/}
    java_home=${ZIPPER_KEYCLOAK_JAVA_HOME:-$(ls -d /usr/lib/jvm/*/ | while read -r jdk; do
        v=$("$jdk/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
        [ "${v:-0}" -ge 21 ] && echo "$v ${jdk%/}"; done | sort -n | tail -1 | cut -d' ' -f2)}
    [ -n "$java_home" ] || { echo "Keycloak needs Java 21 or later; none under /usr/lib/jvm" >&2; return 1; }
    if [ ! -f "$base/passwords" ]; then
        (umask 077; for who in ADMIN ADA BOB SAM OLGA; do
            echo "$who=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"; done > "$base/passwords")
    fi
    # shellcheck disable=SC1091
    source "$base/passwords"
    rm -rf "$home/data/h2" "$home/data/import" && mkdir -p "$home/data/import"
    sed -e "s/@ADA_PASSWORD@/$ADA/" -e "s/@BOB_PASSWORD@/$BOB/" -e "s/@SAM_PASSWORD@/$SAM/" -e "s/@OLGA_PASSWORD@/$OLGA/" \
        "$here/zipper-realm.json" > "$home/data/import/zipper-realm.json"
    chmod 600 "$home/data/import/zipper-realm.json"
    JAVA_HOME=$java_home KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN \
        JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
        nohup "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --http-management-port=$((port + 10)) \
        --import-realm > "$base/keycloak.log" 2>&1 &
    echo $! > "$base/keycloak.pid"
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "$realm/.well-known/openid-configuration" && return 0
        kill -0 "$(cat "$base/keycloak.pid")" 2>/dev/null || { echo "Keycloak stopped; see $base/keycloak.log" >&2; return 1; }
        sleep 1
    done
    echo "Keycloak did not answer in 240 s; see $base/keycloak.log" >&2
    stop; return 1
}

stop() {
    [ -f "$base/keycloak.pid" ] || return 0
    local pid
    pid=$(cat "$base/keycloak.pid")
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$base/keycloak.pid"
}

token() {
    local user=${1:?usage: keycloak.sh token DIR USER} password
    # shellcheck disable=SC1091
    source "$base/passwords"
    password=$(eval echo "\${$(echo "$user" | tr '[:lower:]' '[:upper:]')}")
    curl -sf "$realm/protocol/openid-connect/token" -d grant_type=password -d client_id=zipper \
        --data-urlencode "username=$user" --data-urlencode "password=$password" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

case "$command" in
    start) start ;;
    stop) stop ;;
    token) token "${3:-}" ;;
    *) echo "usage: keycloak.sh start|stop|token DIR [USER] | env" >&2; exit 2 ;;
esac
