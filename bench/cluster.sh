#!/usr/bin/env bash
# The cluster (run.sh cluster's shape: WildFly instances, the Artemis pair, HAProxy, PostgreSQL) with 1, 2
# and 3 instances, measured through the balancer: commands/s with 16 clients (bench/Burst.java, after a
# warm-up burst that is not counted), the read side's lag at the end and the catch-up, the machine's CPU per
# command (and its split: the instances' JVMs, the brokers, PostgreSQL, HAProxy), then checkouts/s with
# 16 shoppers (demo/StoreDemo.java). Each size on a fresh database
# (zipper_bench_cluster on 127.0.0.1:5432, user postgres) and fresh brokers.
#   bench/cluster.sh [SECONDS] [ORDERS]     default 30 s bursts, 300 orders; about 12 minutes
# Prints a table and appends it to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
seconds=${1:-30}
orders=${2:-300}
dir=$PWD/ear/target/bench-cluster
api=http://127.0.0.1:8080/zipper/api
export ZIPPER_DB_DRIVER=postgresql ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_bench_cluster ZIPPER_DB_USER=postgres

echo "[bench] building"
mkdir -p ear/target
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip package > "$PWD/ear/target/bench-build.log" 2>&1 \
    || { tail -30 "$PWD/ear/target/bench-build.log" >&2; exit 1; }
trap 'ear/src/main/cluster/cluster.sh stop "$dir" > /dev/null 2>&1 || true' EXIT

# CPU time in ms of the processes given, from /proc (utime + stime, 10 ms ticks)
ticks_ms() { local total=0 pid; for pid in "$@"; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo $((total * 10)); }
groups() {
    echo "instances $(for n in $(seq 1 "$1"); do pgrep -P "$(cat "$dir/zipper-$n/wildfly.pid")" java; done | tr '\n' ' ')"
    echo "brokers $(cat jms-config/target/artemis-primary/data/artemis.pid jms-config/target/artemis-backup/data/artemis.pid | tr '\n' ' ')"
    echo "postgresql $(pgrep -u postgres | tr '\n' ' ')"
    echo "haproxy $(cat "$dir/haproxy.pid")"
}
sample() { groups "$1" | while read -r name pids; do echo "$name $(ticks_ms $pids)"; done; }

rows=()
for n in 1 2 3; do
    psql -h 127.0.0.1 -U postgres -q -d postgres -c "DROP DATABASE IF EXISTS zipper_bench_cluster" \
        -c "CREATE DATABASE zipper_bench_cluster"
    jms-config/artemis/broker.sh stop > /dev/null 2>&1 || true # the single broker listens where the primary will
    jms-config/artemis/broker.sh reset primary > /dev/null
    jms-config/artemis/broker.sh reset backup > /dev/null
    rm -rf "$dir"
    echo "[bench] $n instance(s): starting"
    ZIPPER_CLUSTER_INSTANCES=$n ear/src/main/cluster/cluster.sh start "$dir" > "$dir.log" 2>&1 \
        || { tail -20 "$dir.log" >&2; exit 1; }
    echo "[bench] $n instance(s): warming up for 20 s"
    java bench/Burst.java "$api" 20 16 > /dev/null
    echo "[bench] $n instance(s): 16 clients for $seconds s"
    before=$(sample "$n")
    burst=$(java bench/Burst.java "$api" "$seconds" 16 | head -1)
    after=$(sample "$n")
    echo "  $burst"
    commands=$(echo "$burst" | sed -E 's/.*commands ([0-9]+) .*/\1/')
    # ms per command by process group, over the burst and its catch-up
    split=$(paste -d' ' <(echo "$before") <(echo "$after") \
        | awk -v c="$commands" '{ printf "%s%s %.1f", (NR > 1 ? ", " : ""), $1, ($4 - $2) / c }')
    echo "  CPU per command, ms: $split"
    echo "[bench] $n instance(s): $orders orders from 16 shoppers"
    checkouts=$(java demo/StoreDemo.java "$api" "$orders" 16 42 2> "$dir.demo.log" | sed -n 's/^checkouts-per-second //p')
    echo "  $checkouts checkouts/s"
    rss=$(ear/src/main/cluster/cluster.sh status "$dir" | sed -n 's/^ *\(zipper-[0-9]\).*RSS \([0-9]* MB\).*/\1 \2/p' | paste -sd, -)
    rows+=("| $n | $(echo "$burst" | sed -E 's/.*commands [0-9]+ \(([0-9]+)\/s, ([0-9]+) failed\).*/\1 (\2 failed)/') \
| $(echo "$burst" | sed -E 's/.*CPU per command ([0-9.]+) ms.*/\1 ms/') ($split) \
| $(echo "$burst" | sed -E 's/.*, ([0-9]+) at the end; caught up ([0-9.]+) s.*/\1 events, caught up in \2 s/') \
| $checkouts | $rss |")
    ear/src/main/cluster/cluster.sh stop "$dir" > /dev/null 2>&1
done

table=$(printf '%s\n' "| Instances | Commands/s, 16 clients | Machine CPU per command | Read side at the end of the burst | Checkouts/s, 16 shoppers | Instances' RSS |" \
    "| ---: | ---: | ---: | --- | ---: | --- |" "${rows[@]}")
echo "$table"
{
    echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), the cluster (bench/cluster.sh $seconds $orders), WildFly on PostgreSQL, $(nproc) cores"
    echo
    echo "$table"
} >> bench/RESULTS.md
