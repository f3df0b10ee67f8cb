#!/usr/bin/env bash
# What operating the log costs, WildFly on PostgreSQL, in one run:
# - snapshots: the same command (suspend or reactivate an account) on streams of 10 events and of 100,000,
#   with no stream's state held in memory between commands (zipper.commands.cached-streams=0), so that every
#   command starts from the database: a short stream from its first event, a long one from its snapshot
#   (every 100 events, the default) and the events after it;
# - rebuilds: the account view rebuilt from the whole log (rebuild-events, log events/s from the request to
#   the cut-over) against the same projection draining a backlog of 20,000 new accounts written to the log by
#   SQL (drain-events, events/s).
#   bench/operating.sh [ROUNDS] [SECONDS]     default 5 rounds of 15 s, 1 client; about 10 minutes
# The streams are written by SQL (2 of 100,000 events, 1 of 10), as an import would. Then ROUNDS rounds,
# interleaved: commands/s on the short stream (stream-10-1) and on a long one (stream-100000-1), and the
# time of one command on the other long stream with its snapshot deleted first (no-snapshot-100000-ms:
# what each command would cost without snapshots; it folds the whole stream and takes a snapshot again).
# Each round also drains a backlog and rebuilds the view. Prints medians (min-max), the cost ratio
# long/short and the rebuild/drain ratio, and appends them to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
rounds=${1:-5}
seconds=${2:-15}
target=$PWD/ear/target
dir=$target/bench-wildfly
api=http://127.0.0.1:8080/zipper/api
results=$target/operating-results.txt
mkdir -p "$target"
: > "$results"
sql() { psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d "$@"; }

echo "[bench] building"
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$target/bench-build.log" 2>&1 \
    || { tail -30 "$target/bench-build.log" >&2; exit 1; }
. bench/throughput-tool.sh
throughput_tool postgresql

sql postgres -c "DROP DATABASE IF EXISTS zipper_bench" -c "CREATE DATABASE zipper_bench"
export ZIPPER_DB_DRIVER=postgresql ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_bench ZIPPER_DB_USER=postgres \
    ZIPPER_COMMANDS_CACHED_STREAMS=0
rm -rf "$dir"
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true' EXIT
echo "[bench] starting WildFly (no stream states cached)"
ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null
account_streams zipper_bench 2 100000 00000000-0000-4000-8000- "$target/streams-100000.txt"
account_streams zipper_bench 1 10 00000000-0000-4000-9000- "$target/streams-10.txt"
bare=$(tail -1 "$target/streams-100000.txt")
head -1 "$target/streams-100000.txt" > "$target/stream-100000.txt"
echo "[bench] 2 streams of 100,000 events and 1 of 10 written by SQL; waiting for the read side"
for _ in $(seq 1 900); do curl -s -H "Authorization: Bearer $ZIPPER_TOKEN" $api/log | grep -q '"lag":0,' && break; sleep 1; done
echo "[bench] warming up (60 s, not measured)"
throughput long $api "$target/streams-10.txt" 1 30 > /dev/null
throughput long $api "$target/stream-100000.txt" 1 30 > /dev/null
for round in $(seq 1 "$rounds"); do
    echo "[bench] round $round of $rounds"
    throughput long $api "$target/streams-10.txt" 1 "$seconds" stream-10 | tee -a "$results"
    throughput long $api "$target/stream-100000.txt" 1 "$seconds" stream-100000 | tee -a "$results"
    sql zipper_bench -c "DELETE FROM snapshots WHERE stream_id = '$bare'"
    curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $ZIPPER_TOKEN" \
        "$api/accounts/$bare/$([ $((round % 2)) = 1 ] && echo reactivate || echo suspend)" \
        | awk '{print "no-snapshot-100000-ms", $1 * 1000}' | tee -a "$results"
    throughput drain $api jdbc:postgresql://127.0.0.1:5432/zipper_bench postgres 20000 | grep drain-events | tee -a "$results"
    throughput rebuild $api account-view | tee -a "$results"
done
snapshots=$(sql zipper_bench -t -A -c "SELECT 'The long streams'' snapshots at versions ' \
    || string_agg(stream_version::text, ', ' ORDER BY stream_id) FROM snapshots WHERE stream_id LIKE '00000000-0000-4000-8000-%'")
ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null
table=$(throughput table "$results")
median() { awk -v name="$1" '$1 == name {v[++n] = $2} END {asort(v); print v[int((n + 1) / 2)]}' "$results"; }
short=$(median stream-10-1)
cost=$(echo "scale=2; $short / $(median stream-100000-1)" | bc)
bare_cost=$(echo "scale=0; $(median no-snapshot-100000-ms) * $short / 1000" | bc)
{
    echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), operating the log (snapshots, rebuilds) on PostgreSQL, WildFly, $(nproc) cores, $rounds rounds of $seconds s, 1 client, no states cached"
    echo
    echo "$table"
    echo
    echo "A command on a stream of 100,000 events costs **${cost}x** the same command on a stream of 10 (medians of commands/s; goal: at most 1.5x); without its snapshot, ${bare_cost}x. $snapshots."
    echo "The account view rebuilt from the log at **$(median rebuild-events) events/s**, against $(median drain-events) events/s for the live projection draining a backlog (**$(echo "scale=2; $(median rebuild-events) / $(median drain-events)" | bc)x**); the log held $(sql zipper_bench -t -A -c 'SELECT position FROM log_head') events at the end."
} | tee -a bench/RESULTS.md
: > "$results"
