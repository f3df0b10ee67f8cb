#!/usr/bin/env bash
# What tracing costs, WildFly on PostgreSQL, in one run: commands/s with MicroProfile Telemetry off (the
# default) and on (every span exported over OTLP/HTTP to a local receiver that takes and drops them,
# bench/otlp-sink.py), in turns: off, on, off, on... each turn a fresh start of the same server on the same
# database, warmed up WARMUP s (not measured: a fresh JVM compiles its hot paths), then open-8 (POST /accounts, 8 clients: the command, the relay,
# the broker, the listener and the account view, each a span when on) for SECONDS.
#   bench/tracing.sh [ROUNDS] [SECONDS] [WARMUP]   default 3 rounds of 30 s, warmed up 90 s; about 20 minutes
# Prints medians (min-max) and the ratio on/off, appended to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(ear/src/main/dev-issuer/dev-issuer.sh development bench)" # its servers trust ZIPPER_TOKEN
rounds=${1:-3}
seconds=${2:-30}
warmup=${3:-90}
target=$PWD/ear/target
dir=$target/bench-wildfly
api=http://127.0.0.1:8080/zipper/api
results=$target/tracing-results.txt
sink_port=14319
mkdir -p "$target"
: > "$results"

echo "[bench] building"
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$target/bench-build.log" 2>&1 \
    || { tail -30 "$target/bench-build.log" >&2; exit 1; }
. bench/throughput-tool.sh
throughput_tool postgresql

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS zipper_bench" -c "CREATE DATABASE zipper_bench"
export ZIPPER_DB_DRIVER=postgresql ZIPPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/zipper_bench ZIPPER_DB_USER=postgres
python3 bench/otlp-sink.py "$sink_port" > "$target/otlp-sink.log" 2>&1 &
sink=$!
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true; kill $sink 2>/dev/null || true' EXIT
rm -rf "$dir"

turn() { # off|on
    if [ "$1" = on ]; then
        export OTEL_SDK_DISABLED=false OTEL_SERVICE_NAME=zipper OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=none \
            OTEL_LOGS_EXPORTER=none OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
            OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$sink_port
    else
        unset OTEL_SDK_DISABLED OTEL_SERVICE_NAME OTEL_TRACES_EXPORTER OTEL_METRICS_EXPORTER OTEL_LOGS_EXPORTER \
            OTEL_EXPORTER_OTLP_PROTOCOL OTEL_EXPORTER_OTLP_TRACES_PROTOCOL OTEL_EXPORTER_OTLP_ENDPOINT
    fi
    ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null
    throughput commands $api open 8 "$warmup" > /dev/null
    local exports_before
    exports_before=$(wc -l < "$target/otlp-sink.log")
    throughput commands $api open 8 "$seconds" | grep '^open-8 ' | sed "s/^open-8/tracing-$1/" | tee -a "$results"
    local exports=$(( $(wc -l < "$target/otlp-sink.log") - exports_before ))
    echo "[bench] tracing $1: $exports span exports received during the measurement"
    if [ "$1" = on ] && [ "$exports" = 0 ]; then echo "[bench] tracing on, but no span reached the sink" >&2; exit 1; fi
    if [ "$1" = off ] && [ "$exports" != 0 ]; then echo "[bench] tracing off, but spans reached the sink" >&2; exit 1; fi
    ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null
}
for round in $(seq 1 "$rounds"); do
    echo "[bench] round $round of $rounds"
    turn off
    turn on
done
spans=$(grep -c . "$target/otlp-sink.log" || true)
table=$(throughput table "$results")
median() { awk -v name="$1" '$1 == name {v[++n] = $2} END {asort(v); print v[int((n + 1) / 2)]}' "$results"; }
{
    echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), tracing on and off on PostgreSQL, WildFly, $(nproc) cores, $rounds rounds of $seconds s after $warmup s of warm-up, 8 clients opening accounts"
    echo
    echo "$table"
    echo
    echo "With tracing on (every span exported over OTLP/HTTP, $spans export requests taken by the local sink), **$(median tracing-on) commands/s** against **$(median tracing-off)** with it off: **$(echo "scale=2; $(median tracing-on) / $(median tracing-off)" | bc)x**."
} | tee -a bench/RESULTS.md
: > "$results"
