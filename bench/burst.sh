#!/usr/bin/env bash
# A burst of commands at the highest rate the clients reach, and how the read side follows: commands/s,
# events committed and projected per second, the largest projection lag, the time to catch up after.
#   bench/burst.sh [SECONDS] [CLIENTS]      default 60 s, 16 clients; WildFly, on H2 unless ZIPPER_DB_*
#                                           point at PostgreSQL (see README); results in bench/RESULTS.md
#   BENCH_PROFILE=1 bench/burst.sh          also records CPU samples (bench/cpu.jfc) to
#                                           ear/target/bench-wildfly.jfr and, on PostgreSQL, prints the
#                                           sessions' wait events sampled every 100 ms
# Builds the EAR, starts WildFly on a fresh database of its own (ear/target/bench-wildfly; on PostgreSQL
# the database named by ZIPPER_DB_URL is emptied first), runs bench/Burst.java, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
seconds=${1:-60}
clients=${2:-16}
dir=$PWD/ear/target/bench-wildfly
database=${ZIPPER_DB_URL:-H2}

echo "[bench] building"
mkdir -p ear/target
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$PWD/ear/target/bench-build.log" 2>&1 \
    || { tail -30 "$PWD/ear/target/bench-build.log" >&2; exit 1; }
rm -rf "$dir"
if [ "${ZIPPER_DB_DRIVER:-h2}" = postgresql ]; then
    name=${ZIPPER_DB_URL##*/}
    psql -h 127.0.0.1 -U "${ZIPPER_DB_USER:-postgres}" -q -d postgres \
        -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
fi
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true' EXIT
echo "[bench] starting WildFly on $database"
if [ -n "${BENCH_PROFILE:-}" ]; then
    export JAVA_OPTS="-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseParallelGC -Djava.net.preferIPv4Stack=true \
-XX:StartFlightRecording=settings=$PWD/bench/cpu.jfc,filename=$dir.jfr,dumponexit=true"
fi
ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null
# one command first, so that the burst does not time JPA and the connection pools warming up
curl -s -X POST http://127.0.0.1:8080/zipper/api/accounts -H "Authorization: Bearer $ZIPPER_TOKEN" -H 'Content-Type: application/json' \
    -d '{"name": "Warm", "email": "warm@example.org"}' > /dev/null
echo "[bench] $clients clients for $seconds s"
if [ -n "${BENCH_PROFILE:-}" ] && [ "${ZIPPER_DB_DRIVER:-h2}" = postgresql ]; then
    (while sleep 0.1; do
        psql -h 127.0.0.1 -U "${ZIPPER_DB_USER:-postgres}" -d "$name" -Atq -c "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') \
            FROM pg_stat_activity WHERE datname = '$name' AND state = 'active' AND pid <> pg_backend_pid()"
    done > "$dir.waits" 2>/dev/null) &
    sampler=$!
fi
result=$(java bench/Burst.java http://127.0.0.1:8080/zipper/api "$seconds" "$clients")
echo "$result"
if [ -n "${sampler:-}" ]; then
    kill "$sampler"
    echo "[bench] database sessions' wait events (samples):"
    sort "$dir.waits" | uniq -c | sort -rn | head -15
fi
{
    echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), WildFly on $database, $(nproc) cores"
    echo
    echo "$result" | sed 's/^/    /'
} >> bench/RESULTS.md
