#!/usr/bin/env bash
# Payara Server 6 for Zipper: a domain with the Artemis resource adapter, the datasource, the JMS
# resources and the EAR. The application uses the platform defaults (java:comp/DefaultDataSource, the
# default JMS connection factory); this points them at Zipper's pools.
#   payara.sh start DOMAINS_DIR   create the domain "zipper" there if missing, start it, deploy zipper.ear
#   payara.sh stop DOMAINS_DIR
#   payara.sh micro-commands ROOT_DIR   empty ROOT_DIR (a Payara Micro root directory) and print the
#                                       same configuration as Micro boot commands
# Reads ZIPPER_DB_* like WildFly does (H2 file database in the domain by default); the broker is a
# standalone Artemis (jms-config/artemis/broker.sh) at ZIPPER_ARTEMIS_HOST:ZIPPER_ARTEMIS_PORT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
target="$project/ear/target"
asadmin="$target/payara6/bin/asadmin"
extras="$target/payara-extras"
command=${1:?usage: payara.sh start|stop|micro-commands DIR}
domains=$(mkdir -p "${2:?usage: payara.sh start|stop|micro-commands DIR}" && cd "$2" && pwd)
domain="$domains/zipper"

# property values in an asadmin command file escape ':' and '=' (the file's reader takes one backslash)
escape() { printf '%s' "$1" | sed -e 's/:/\\\\:/g' -e 's/=/\\\\=/g'; }
# the same, as a sed replacement (sed takes one more level of backslashes)
replacement() { escape "$1" | sed -e 's/\\/\\\\/g'; }

# The asadmin commands that make a fresh domain Zipper's, for the current ZIPPER_* settings.
server_commands() {
    echo "set-hazelcast-configuration --enabled=false --dynamic=true"
    echo "delete-jvm-options -Xmx512m"
    echo "create-jvm-options -Xms64m:-Xmx512m"
    resources
}

# The resources, on Payara Server and Payara Micro alike.
resources() {
    local driver=${ZIPPER_DB_DRIVER:-h2} class=org.h2.jdbcx.JdbcDataSource
    [ "$driver" = postgresql ] && class=org.postgresql.ds.PGSimpleDataSource
    local url=${ZIPPER_DB_URL:-jdbc:h2:file:$domain/data/zipper;DB_CLOSE_ON_EXIT=FALSE}
    local broker="host=${ZIPPER_ARTEMIS_HOST:-127.0.0.1};port=${ZIPPER_ARTEMIS_PORT:-61616}"
    echo "create-jdbc-connection-pool --datasourceclassname $class --restype javax.sql.DataSource" \
         "--property URL=$(escape "$url"):User=$(escape "${ZIPPER_DB_USER:-sa}"):Password=$(escape "${ZIPPER_DB_PASSWORD:-sa}")" \
         "--isconnectvalidatereq=true --validationmethod=auto-commit zipper-db"
    # the application uses the platform default datasource: point it at Zipper's pool
    echo "set resources.jdbc-resource.jdbc/__default.pool-name=zipper-db"
    echo "deploy --type rar --name zipper-artemis-ra $extras/zipper-artemis-ra.rar"
    grep -v -e '^#' -e '^\s*$' "$project/jms-config/payara/messaging.asadmin" \
        | sed -e "s|@BROKER@|$(replacement "$broker")|g" \
              -e "s|@USER@|$(replacement "${ZIPPER_ARTEMIS_USER:-zipper}")|g" \
              -e "s|@PASSWORD@|$(replacement "${ZIPPER_ARTEMIS_PASSWORD:-zipper}")|g"
}

# A domain is configured once; when the settings change (another database, say) it is made anew. So it
# is when it still holds the application (stopped without "payara.sh stop"): Payara would load that
# copy while starting, at the same time as the new deployment, and both fail.
configure() {
    local wanted="$domains/zipper.asadmin"
    server_commands > "$wanted"
    if cmp -s "$wanted" "$domain/config/zipper.asadmin" \
        && ! grep -q '<application [^>]*name="zipper"' "$domain/config/domain.xml"; then return; fi
    "$asadmin" stop-domain --domaindir "$domains" zipper > /dev/null 2>&1 || true
    rm -rf "$domain"
    "$asadmin" create-domain --nopassword --domaindir "$domains" zipper > /dev/null
    cp "$extras/h2.jar" "$extras/postgresql.jar" "$domain/lib/"
    "$asadmin" start-domain --domaindir "$domains" zipper > /dev/null
    "$asadmin" multimode --file "$wanted"
    "$asadmin" stop-domain --domaindir "$domains" zipper > /dev/null
    mv "$wanted" "$domain/config/zipper.asadmin"
}

case "$command" in
    start)
        configure
        "$asadmin" start-domain --domaindir "$domains" zipper
        "$asadmin" deploy --force=true --name zipper "$target/zipper.ear"
        ;;
    stop)
        "$asadmin" undeploy zipper > /dev/null 2>&1 || true
        "$asadmin" stop-domain --domaindir "$domains" zipper
        ;;
    micro-commands)
        # Payara Micro has no default JMS connection factory to repoint (it has no OpenMQ): the factory
        # gets a resource of its own, which the test deployment maps to the default name (web.xml).
        rm -rf "${domains:?}"/* && domain=$domains
        # (its boot-command reader takes the escapes as they are: one backslash, not two)
        resources | grep -v 'jms/__defaultConnectionFactory' | sed -e 's/\\\\/\\/g'
        echo "create-connector-resource --poolname zipper-jms jms/zipperConnectionFactory"
        ;;
    *) echo "usage: payara.sh start|stop|micro-commands DIR" >&2; exit 2 ;;
esac
