#!/usr/bin/env bash
# What verifying a bearer token costs a request, and a command's time with one (bench/TokenCost.java):
#   bench/token-cost.sh [ROUNDS] [PER_ROUND]     default 5 rounds of 200 a way; a few minutes
# WildFly on a fresh H2 database (or PostgreSQL when ZIPPER_DB_* are set), trusting the development
# issuer, warmed up for 30 s; one client; results appended to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust the issuer's tokens
rounds=${1:-5}
per_round=${2:-200}
api=http://127.0.0.1:8080/zipper/api
tokens() { # ZIPPER_STAFF_TOKEN, and a customer of their own (a fresh subject each time)
    ZIPPER_CUSTOMER=bench-$RANDOM$RANDOM
    ZIPPER_STAFF_TOKEN=$(ear/src/main/dev-issuer/dev-issuer.sh token staff bench-staff)
    ZIPPER_CUSTOMER_TOKEN=$(ear/src/main/dev-issuer/dev-issuer.sh token customer "$ZIPPER_CUSTOMER")
    export ZIPPER_CUSTOMER ZIPPER_STAFF_TOKEN ZIPPER_CUSTOMER_TOKEN
}

# shellcheck source=bench/one-wildfly.sh
. bench/one-wildfly.sh bench-token-wildfly
tokens
warm_up java bench/TokenCost.java "$api" 1000 1
echo "[bench] measuring: $rounds rounds of $per_round a way"
tokens
results=$(java bench/TokenCost.java "$api" "$rounds" "$per_round")
echo "$results"
{
    echo
    echo "## token cost, $(date -u +%Y-%m-%d) (${ZIPPER_DB_DRIVER:-h2}, one client, $rounds x $per_round a way)"
    echo
    echo "| way | p50 ms | p99 ms | p50 / read's |"
    echo "| --- | ---: | ---: | ---: |"
    for way in read read+token command+token own-command+token; do
        value() { echo "$results" | awk -v k="$way-$1" '$1 == k {print $2}'; }
        echo "| $way | $(value p50-ms) | $(value p99-ms) | $(value p50-ratio) |"
    done
} >> bench/RESULTS.md
