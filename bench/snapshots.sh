#!/usr/bin/env bash
# What snapshots save: the same command (suspend or reactivate an account) on streams of 10 events and of
# 100,000, WildFly on PostgreSQL, with no stream's state held in memory between commands
# (zipper.commands.cached-streams=0), so that every command starts from the database: a short stream from
# its first event, a long one from its snapshot (every 100 events, the default) and the events after it.
#   bench/snapshots.sh [ROUNDS] [SECONDS]     default 5 rounds of 15 s, 1 client; about 15 minutes
# The streams are written by SQL (4 of 100,000 events, 4 of 10), as an import would; the first command on
# each long stream folds all of it and takes its snapshot: that command's time is printed as
# first-command-100000-ms (what every command on the stream would cost without snapshots). Then ROUNDS
# rounds, interleaved: commands/s on the short streams (stream-10-1) and on the long ones (stream-100000-1).
# Prints medians (min-max), the cost ratio long/short, and appends them to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
rounds=${1:-5}
seconds=${2:-15}
target=$PWD/ear/target
dir=$target/bench-wildfly
api=http://127.0.0.1:8080/zipper/api
results=$target/snapshots-results.txt
mkdir -p "$target"
: > "$results"
sql() { psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d "$@"; }

echo "[bench] building"
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$target/bench-build.log" 2>&1 \
    || { tail -30 "$target/bench-build.log" >&2; exit 1; }
. bench/throughput-tool.sh
throughput_tool postgresql

# COUNT accounts of LENGTH events each (opened, confirmed, activated, then suspended and reactivated in
# turn), ids with PREFIX, listed in FILE
streams() {
    local count=$1 length=$2 prefix=$3 file=$4
    sql zipper_bench -c "BEGIN; UPDATE log_head SET position = position + $count * $length WHERE id = 1;
        INSERT INTO events (position, stream_type, stream_id, stream_version, event_type, schema_version, payload,
                            event_id, correlation_id, causation_id, recorded_at)
        SELECT h.position - $count * $length + (k - 1) * $length + v, 'account', '$prefix' || lpad(k::text, 12, '0'), v,
               CASE WHEN v = 1 THEN 'account.opened' WHEN v = 2 THEN 'account.confirmed' WHEN v = 3 THEN 'account.activated'
                    WHEN v % 2 = 0 THEN 'account.suspended' ELSE 'account.reactivated' END, 1,
               CASE WHEN v = 1 THEN '{\"name\":\"Long\",\"email\":\"long@example.org\"}' ELSE '{}' END,
               gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now()
        FROM log_head h, generate_series(1, $count) k, generate_series(1, $length) v; COMMIT;"
    seq 1 "$count" | xargs -I{} printf "$prefix%012d\n" {} > "$file"
}

sql postgres -c "DROP DATABASE IF EXISTS zipper_bench" -c "CREATE DATABASE zipper_bench"
export ZIPPER_DB_DRIVER=postgresql ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_bench ZIPPER_DB_USER=postgres \
    ZIPPER_COMMANDS_CACHED_STREAMS=0
rm -rf "$dir"
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true' EXIT
echo "[bench] starting WildFly (no stream states cached)"
ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null
streams 4 100000 00000000-0000-4000-8000- "$target/streams-100000.txt"
streams 4 10 00000000-0000-4000-9000- "$target/streams-10.txt"
echo "[bench] 4 streams of 100,000 events and 4 of 10 written by SQL; waiting for the read side"
for _ in $(seq 1 900); do curl -s -H "Authorization: Bearer $ZIPPER_TOKEN" $api/log | grep -q '"lag":0,' && break; sleep 1; done
while read -r id; do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $ZIPPER_TOKEN" "$api/accounts/$id/suspend"
done < "$target/streams-100000.txt" | awk '{print "first-command-100000-ms", $1 * 1000}' | tee -a "$results"
echo "[bench] warming up (60 s, not measured)"
throughput long $api "$target/streams-10.txt" 1 30 > /dev/null
throughput long $api "$target/streams-100000.txt" 1 30 > /dev/null
for round in $(seq 1 "$rounds"); do
    echo "[bench] round $round of $rounds"
    throughput long $api "$target/streams-10.txt" 1 "$seconds" stream-10 | tee -a "$results"
    throughput long $api "$target/streams-100000.txt" 1 "$seconds" stream-100000 | tee -a "$results"
done
snapshots=$(sql zipper_bench -t -A -c "SELECT count(*) || ' snapshots, the long streams'' at versions ' \
    || string_agg(stream_version::text, ', ' ORDER BY stream_id) FROM snapshots WHERE stream_id LIKE '00000000-0000-4000-8000-%'")
ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null
table=$(throughput table "$results")
cost=$(awk '$1 == "stream-10-1" {s[++n] = $2} $1 == "stream-100000-1" {l[++m] = $2}
    END {asort(s); asort(l); printf "%.2f", s[int((n + 1) / 2)] / l[int((m + 1) / 2)]}' "$results")
{
    echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), snapshots on PostgreSQL, WildFly, $(nproc) cores, $rounds rounds of $seconds s, 1 client, no states cached"
    echo
    echo "$table"
    echo
    echo "A command on a stream of 100,000 events costs **${cost}x** the same command on a stream of 10 (medians; goal: at most 1.5x). $snapshots."
} | tee -a bench/RESULTS.md
: > "$results"
