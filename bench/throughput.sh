#!/usr/bin/env bash
# Zipper's throughput against the database's own, measured in the same run: on PostgreSQL, then on H2.
#   bench/throughput.sh [ROUNDS] [SECONDS]     default 3 rounds, 15 s a measurement; about 20 minutes
# For each database: WildFly on a fresh database (ready time and RSS noted), then ROUNDS rounds of these,
# interleaved so that drift on the machine touches all alike (bench/Throughput.java does each one):
#   raw-append-16, raw-append-1   the database alone: read a stream's version, insert the next event,
#                                 commit; 16 clients and 1 (a table of its own: raw_events)
#   raw-head-append-16            the same with the position taken from a one-row head locked to commit,
#                                 as Zipper's log does: what gap-free positions cost the database alone
#   ...-cpu-ms, ...-server-cpu-ms CPU per command or raw append: the machine's less the load generator's,
#                                 and WildFly's share (its broker included), also by what its threads do
#                                 (http-commands, relay, broker-deliveries: the projections, broker, jit, gc)
# The server is warmed up for a minute first (not measured).
#   open-16, open-1               POST /accounts over HTTP, 16 clients and 1
#   transition-16                 suspend/reactivate on 16 short streams
#   long-16                       the same on 16 streams of 10,000 events (PostgreSQL: written by SQL)
#   raw-upsert                    the database alone: 1,000 single-row upserts a transaction
#   relay-events, drain-events    a backlog of 20,000 events written to the log by SQL (PostgreSQL):
#                                 events/s published by the relay, and applied by the projection
#   visible-p50-ms, -p99-ms       opens at half the round's open-16 rate: ms until GET shows the account
# Prints a table of medians (min-max) with ratios to the raw figures, appended to bench/RESULTS.md.
# PostgreSQL: 127.0.0.1:5432, user postgres (databases zipper_bench and zipper_raw, emptied first).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
rounds=${1:-3}
seconds=${2:-15}
target=$PWD/ear/target
dir=$target/bench-wildfly
api=http://127.0.0.1:8080/zipper/api
results=$target/throughput-results.txt
mkdir -p "$target"
: > "$results"

echo "[bench] building"
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$target/bench-build.log" 2>&1 \
    || { tail -30 "$target/bench-build.log" >&2; exit 1; }
. bench/throughput-tool.sh
throughput_tool postgresql h2
measure() { throughput "$@" | tee -a "$results" | sed "s/^/[$db] /"; }
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true' EXIT

sql() { psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d "$@"; }

run_on() {
    db=$1
    rm -rf "$dir"
    if [ "$db" = postgresql ]; then
        sql postgres -c "DROP DATABASE IF EXISTS zipper_bench" -c "CREATE DATABASE zipper_bench" \
            -c "DROP DATABASE IF EXISTS zipper_raw" -c "CREATE DATABASE zipper_raw"
        export ZIPPER_DB_DRIVER=postgresql ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_bench \
            ZIPPER_DB_USER=postgres ZIPPER_DB_PASSWORD=postgres
        raw=jdbc:postgresql://127.0.0.1:5432/zipper_raw
        user=postgres
    else
        unset ZIPPER_DB_DRIVER ZIPPER_DB_URL ZIPPER_DB_USER ZIPPER_DB_PASSWORD
        rm -rf "$target/bench-raw-h2"
        raw="jdbc:h2:file:$target/bench-raw-h2/raw"
        user=sa
    fi
    began=$(date +%s.%N)
    ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null
    echo "server-ready-s $(echo "$(date +%s.%N) - $began" | bc)" | tee -a "$results" | sed "s/^/[$db] /"
    ZIPPER_SERVER_PID=$(pgrep -P "$(cat "$dir/wildfly.pid")" java)
    export ZIPPER_SERVER_PID
    curl -s -X POST $api/accounts -H "Authorization: Bearer $ZIPPER_TOKEN" -H 'Content-Type: application/json' -d '{"name":"Warm","email":"warm@example.org"}' > /dev/null
    if [ "$db" = postgresql ]; then
        account_streams zipper_bench 16 10000 00000000-0000-4000-8000- "$target/long-streams.txt"
        echo "[$db] 16 streams of 10,000 events written; waiting for the read side"
        for _ in $(seq 1 600); do curl -s -H "Authorization: Bearer $ZIPPER_TOKEN" $api/log | grep -q '"lag":0,' && break; sleep 1; done
    fi
    # the JIT compiler keeps a core a third busy for minutes after start on 2 cores: warm up first
    echo "[$db] warming up (60 s, not measured)"
    throughput commands $api open 16 30 > /dev/null
    throughput commands $api transition 16 30 > /dev/null
    for round in $(seq 1 "$rounds"); do
        echo "[$db] round $round of $rounds"
        measure raw-append "$raw" $user 16 "$seconds"
        measure raw-head-append "$raw" $user 16 "$seconds"
        measure commands $api open 16 "$seconds"
        open16=$(grep '^open-16 ' "$results" | tail -1 | awk '{print $2}')
        measure raw-append "$raw" $user 1 "$seconds"
        measure commands $api open 1 "$seconds"
        measure commands $api transition 16 "$seconds"
        if [ "$db" = postgresql ]; then
            measure long $api "$target/long-streams.txt" 16 "$seconds"
        fi
        measure raw-upsert "$raw" $user "$seconds"
        if [ "$db" = postgresql ]; then
            measure drain $api jdbc:postgresql://127.0.0.1:5432/zipper_bench postgres 20000
        fi
        measure latency $api "$(echo "$open16 / 2" | bc -l)" "$seconds"
    done
    echo "server-rss-mb $(( $(ps -o rss= -p "$ZIPPER_SERVER_PID") / 1024 ))" \
        | tee -a "$results" | sed "s/^/[$db] /"
    ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null
    table=$(throughput table "$results")
    {
        echo
        echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), throughput on $db, WildFly, $(nproc) cores, $rounds rounds of $seconds s"
        echo
        echo "$table"
    } >> bench/RESULTS.md
    echo "$table"
    : > "$results"
}

if command -v psql > /dev/null && pg_isready -h 127.0.0.1 -p 5432 -q; then
    run_on postgresql
else
    echo "[bench] no PostgreSQL on 127.0.0.1:5432: H2 only"
fi
run_on h2
