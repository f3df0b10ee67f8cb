#!/usr/bin/env bash
# Zipper beside the peer framework (Axon 4.13, ../shared/peers/axon-4.13) and the database alone, the same
# "open account" command, in one run on PostgreSQL: the issue "Throughput"'s comparison.
#   bench/side-by-side.sh [ROUNDS] [SECONDS] [WARM_UP] [PEER_DIR]
#                         default 3 rounds of 20 s bursts after 180 s of warm-up each; about 20 minutes
# Both servers run side by side, each on a fresh database of its own (zipper_bench, axon_bench), and are
# warmed up for WARM_UP s at 16 clients (not measured): 45 s after its start WildFly's JIT compiler still
# takes most of a core, and a command costs half as much after four minutes (bench/RESULTS.md). Then,
# ROUNDS times, interleaved so that drift on the machine touches all alike: Zipper, the peer and the raw append (pgbench, bench/raw-append.sql) at 16
# clients, then the same at 1 client (bench/SideBySide.java measures each burst). Then, ROUNDS times, the
# issue's other goals on the same warmed Zipper (bench/Throughput.java, demo/StoreDemo.java):
#   visible-p50-ms, -p99-ms   opens at half Zipper's median 16-client rate: ms until GET shows the account
#   rows-per-s                zipper: the projection draining a backlog of 20,000 events written by SQL;
#                             raw: single-row upserts, 1,000 a transaction, the database alone
#   checkouts-per-s           the store with 16 shoppers (demo/load.sh, 400 orders; one run first, not measured)
#   checkout-to-succeeded-    one shopper, 100 orders: ms from sending a checkout to GET showing the order
#     p50-ms, -p99-ms         succeeded (polled every millisecond)
# Prints medians (min-max) and ratios to the peer, and appends them to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
rounds=${1:-3}
seconds=${2:-20}
warm=${3:-180}
peer=$(cd "${4:-../shared/peers/axon-4.13}" && pwd)
target=$PWD/ear/target
dir=$target/bench-wildfly
results=$target/side-by-side.txt
mkdir -p "$target"
: > "$results"
psql() { command psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 "$@"; }

echo "[bench] building Zipper and the peer"
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$target/bench-build.log" 2>&1 \
    || { tail -30 "$target/bench-build.log" >&2; exit 1; }
rm -rf "$target/peer" && cp -r "$peer" "$target/peer" && rm -rf "$target/peer/target"
(cd "$target/peer" && mvn -B -ntp -q -DskipTests package > "$target/peer-build.log" 2>&1) \
    || { tail -30 "$target/peer-build.log" >&2; exit 1; }

for database in zipper_bench axon_bench raw_bench; do
    psql -d postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
done
psql -d raw_bench -c "CREATE TABLE raw_events (position BIGSERIAL PRIMARY KEY, stream_id TEXT NOT NULL,
    stream_version INT NOT NULL, event_type TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE (stream_id, stream_version))"

rm -rf "$dir"
export ZIPPER_DB_DRIVER=postgresql ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_bench ZIPPER_DB_USER=postgres
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true; kill "${axon:-0}" 2>/dev/null || true' EXIT
echo "[bench] starting WildFly and the peer"
ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null
zipper=$(cat "$dir/java.pid")
# its README says -Xmx512m; at ~2,400 commands/s it ran out of heap in the second round (2026-12-05), so 2 GiB
java -Xms64m -Xmx2g -XX:MaxMetaspaceSize=256m -jar "$target/peer/target/axon-bench-1.0.jar" \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/axon_bench > "$target/peer.log" 2>&1 &
axon=$!
for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/accounts/none)" = 404 ] && break
    kill -0 "$axon" 2>/dev/null || { tail -30 "$target/peer.log" >&2; exit 1; }
    sleep 1
done

measure() { # NAME KIND URL PID DATABASE SECONDS CLIENTS
    local name=$1
    shift
    local line
    line=$(java bench/SideBySide.java "$@")
    echo "[bench] $name: $line"
    for pair in $line; do echo "$name ${pair%%=*} ${pair#*=}" >> "$results"; done
}
zipper() { measure "zipper-$2" zipper http://127.0.0.1:8080/zipper/api "$zipper" zipper_bench "$1" "$2"; }
axon() { measure "axon-$2" axon http://127.0.0.1:8081 "$axon" axon_bench "$1" "$2"; }
raw() { measure "raw-$2" raw - 0 raw_bench "$1" "$2"; }

echo "[bench] warming up ($warm s each, not measured)"
zipper "$warm" 16 > /dev/null
axon "$warm" 16 > /dev/null
: > "$results"
for round in $(seq 1 "$rounds"); do
    echo "[bench] round $round of $rounds"
    for clients in 16 1; do
        zipper "$seconds" "$clients"
        axon "$seconds" "$clients"
        raw "$seconds" "$clients"
    done
done

echo "[bench] the other goals, on the same Zipper"
. bench/throughput-tool.sh
throughput_tool postgresql
api=http://127.0.0.1:8080/zipper/api
half=$(awk '$1 == "zipper-16" && $2 == "commands-per-s" {print $3}' "$results" | sort -n \
    | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)] / 2}')
store() { (unset ZIPPER_TOKEN; demo/load.sh "$1" "$2" 2> "$target/store-$2.log"); }
store 400 16 > /dev/null
for round in $(seq 1 "$rounds"); do
    echo "[bench] round $round of $rounds: visible at $half opens/s, backlog drain, the store"
    throughput latency "$api" "$half" "$seconds" | sed 's/^/zipper-16 /' >> "$results"
    throughput drain "$api" jdbc:postgresql://127.0.0.1:5432/zipper_bench postgres 20000 \
        | awk '$1 == "drain-events" {print "zipper-1 rows-per-s", $2}' >> "$results"
    throughput raw-upsert jdbc:postgresql://127.0.0.1:5432/raw_bench postgres "$seconds" \
        | awk '{print "raw-1 rows-per-s", $2}' >> "$results"
    store 400 16 | sed 's/^checkouts-per-second/zipper-16 checkouts-per-s/' >> "$results"
    store 100 1 | grep '^checkout-to' | sed 's/^/zipper-1 /' >> "$results"
    tail -2 "$target/store-16.log" | sed 's/^/[bench] 16 shoppers: /'
done

table=$(java bench/Medians.java "$results" axon)
echo "$table"
{
    echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), side by side on PostgreSQL, $(nproc) cores, $rounds rounds of $seconds s after $warm s of warm-up"
    echo
    echo "$table"
} >> bench/RESULTS.md
