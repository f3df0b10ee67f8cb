# Sourced by the one-client benchmarks (read-your-writes.sh, token-cost.sh): builds, starts WildFly in
# ear/target/$1 on a fresh database (H2, or PostgreSQL when ZIPPER_DB_* are set), stops it on exit, and
# warm_up runs a command for 30 s, not measured.
target=$PWD/ear/target
dir=$target/$1
mkdir -p "$target"
echo "[bench] building"
mvn -B -ntp -q -DskipTests -Dzipper.payara.skip -Dzipper.broker.skip package > "$target/bench-build.log" 2>&1 \
    || { tail -30 "$target/bench-build.log" >&2; exit 1; }
trap 'ear/src/main/wildfly/wildfly.sh stop "$dir" > /dev/null 2>&1 || true' EXIT
rm -rf "$dir"
echo "[bench] starting WildFly on ${ZIPPER_DB_DRIVER:-h2}"
ear/src/main/wildfly/wildfly.sh start "$dir" > /dev/null

warm_up() {
    echo "[bench] warming up (30 s, not measured)"
    "$@" > /dev/null &
    local warm=$!
    sleep 30
    kill "$warm" 2>/dev/null || true
}
