# Sourced by bench/throughput.sh, bench/side-by-side.sh and bench/operating.sh: compiles bench/Throughput.java
# into $target/bench-classes and copies the JDBC drivers it is to use (the pom's versions) into
# $target/bench-lib, then throughput runs it:   throughput_tool postgresql [h2];  throughput ARGS...
# account_streams writes long account streams to a PostgreSQL log by SQL.
throughput_tool() {
    local version driver
    rm -rf "$target/bench-lib" "$target/bench-classes"
    for driver in "$@"; do
        version=$(sed -n "s:.*<$driver.version>\(.*\)</$driver.version>.*:\1:p" pom.xml | head -1)
        case $driver in
            postgresql) driver=org.postgresql:postgresql:$version ;;
            h2) driver=com.h2database:h2:$version ;;
        esac
        mvn -B -ntp -q dependency:copy -Dartifact="$driver" -DoutputDirectory="$target/bench-lib" >> "$target/bench-build.log" 2>&1
    done
    javac -d "$target/bench-classes" bench/Throughput.java
}
throughput() { java -cp "$target/bench-classes:$target/bench-lib/*" Throughput "$@"; }

# account_streams DATABASE COUNT LENGTH PREFIX FILE: COUNT accounts of LENGTH events each (opened, confirmed,
# activated, then suspended and reactivated in turn) written to the log of PostgreSQL database DATABASE by
# SQL, as an import would; their ids (PREFIX and a 12-digit number) listed in FILE
account_streams() {
    local database=$1 count=$2 length=$3 prefix=$4 file=$5
    psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d "$database" -c "BEGIN;
        UPDATE log_head SET position = position + $count * $length WHERE id = 1;
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
