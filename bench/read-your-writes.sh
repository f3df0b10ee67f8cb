#!/usr/bin/env bash
# What reading one's own write costs, against a command alone, in the same run (bench/ReadYourWrites.java):
#   bench/read-your-writes.sh [ROUNDS] [PER_ROUND]     default 5 rounds of 200 a way; a few minutes
# WildFly on a fresh H2 database (or on PostgreSQL when ZIPPER_DB_* are set, as for run.sh), warmed up
# for 30 s first; one client; results appended to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
rounds=${1:-5}
per_round=${2:-200}
api=http://127.0.0.1:8080/zipper/api
# shellcheck source=bench/one-wildfly.sh
. bench/one-wildfly.sh bench-ryw-wildfly
warm_up java bench/ReadYourWrites.java "$api" 1000 1
echo "[bench] measuring: $rounds rounds of $per_round a way"
results=$(java bench/ReadYourWrites.java "$api" "$rounds" "$per_round")
echo "$results"
{
    echo
    echo "## read-your-writes, $(date -u +%Y-%m-%d) (${ZIPPER_DB_DRIVER:-h2}, one client, $rounds x $per_round a way)"
    echo
    echo "| way | p50 ms | p99 ms | p50 / command's |"
    echo "| --- | ---: | ---: | ---: |"
    for way in command command+query await-view command+poll; do
        value() { echo "$results" | awk -v k="$way-$1" '$1 == k {print $2}'; }
        echo "| $way | $(value p50-ms) | $(value p99-ms) | $(value p50-ratio) |"
    done
} >> bench/RESULTS.md
