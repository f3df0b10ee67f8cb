# Sourced by bench/throughput.sh and bench/side-by-side.sh: compiles bench/Throughput.java into
# $target/bench-classes and copies the JDBC drivers it is to use (the pom's versions) into
# $target/bench-lib, then throughput runs it:   throughput_tool postgresql [h2];  throughput ARGS...
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
