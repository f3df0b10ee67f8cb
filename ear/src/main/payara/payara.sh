#!/usr/bin/env bash
# Payara Server 6 for Zipper: a domain with the Artemis resource adapter, the datasource, the JMS
# resources and the EAR. The application uses the platform defaults (java:comp/DefaultDataSource, the
# default JMS connection factory); this points them at Zipper's pools.
#   payara.sh start DOMAINS_DIR   create the domain "zipper" there if missing, start it, deploy zipper.ear
#   payara.sh stop DOMAINS_DIR
#   payara.sh micro-commands ROOT_DIR   empty ROOT_DIR (a Payara Micro root directory) and print the
#                                       same configuration as Micro boot commands
#   payara.sh boot-commands DIR   print the resources as post-boot commands for Payara's official image
#                                 (ear/src/main/containers/payara), DIR unused
# Reads ZIPPER_DB_* like WildFly does (H2 file database in the domain by default); the broker is a
# standalone Artemis (jms-config/artemis/broker.sh) at ZIPPER_ARTEMIS_HOST:ZIPPER_ARTEMIS_PORT, with
# ZIPPER_ARTEMIS_BACKUP_PORT (and _HOST) the replicated pair's backup too. One of several instances
# (run.sh cluster payara) has a name, ZIPPER_INSTANCE, and its ports moved by ZIPPER_PORT_OFFSET.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
target="$project/ear/target"
asadmin="$target/payara6/bin/asadmin"
extras="$target/payara-extras"
command=${1:?usage: payara.sh start|stop|micro-commands DIR}
domains=$(mkdir -p "${2:?usage: payara.sh start|stop|micro-commands DIR}" && cd "$2" && pwd)
domain="$domains/zipper"
# an instance of several has every port moved (create-domain --portbase): HTTP on 8080 + offset,
# administration on 8048 + offset
offset=${ZIPPER_PORT_OFFSET:-0}
ports=() admin_port=4848
if [ "$offset" != 0 ]; then ports=(--portbase $((8000 + offset)) --checkports=false) admin_port=$((8048 + offset)); fi

# property values in an asadmin command file escape ':' and '=' (the file's reader takes one backslash)
escape() { printf '%s' "$1" | sed -e 's/:/\\\\:/g' -e 's/=/\\\\=/g'; }
# the same, as a sed replacement (sed takes one more level of backslashes)
replacement() { escape "$1" | sed -e 's/\\/\\\\/g'; }

# The asadmin commands that make a fresh domain Zipper's, for the current ZIPPER_* settings.
server_commands() {
    echo "set-hazelcast-configuration --enabled=false --dynamic=true"
    # as WildFly does: every listener on loopback only (HTTP, HTTPS, admin, IIOP), and no OpenMQ broker
    # (Zipper's messaging is Artemis, through its resource adapter). The JMX connector is off: bound to one
    # address, it fails to unbind at every stop and logs a SEVERE (GlassFish issue 16107); asadmin needs it not
    local config=configs.config.server-config
    for listener in http-listener-1 http-listener-2 admin-listener; do
        echo "set $config.network-config.network-listeners.network-listener.$listener.address=127.0.0.1"
    done
    for listener in orb-listener-1 SSL SSL_MUTUALAUTH; do
        echo "set $config.iiop-service.iiop-listener.$listener.address=127.0.0.1"
    done
    echo "set $config.admin-service.jmx-connector.system.enabled=false"
    # as create-domain set it (the line makes a domain with other ports be made anew)
    echo "set $config.network-config.network-listeners.network-listener.http-listener-1.port=$((8080 + offset))"
    echo "set $config.jms-service.type=DISABLED"
    echo "delete-jvm-options -Xmx512m"
    echo "create-jvm-options -Xms64m:-Xmx512m"
    # the application serves its own OpenAPI document (/zipper/api/openapi), the same on every server;
    # Payara's own would describe the generic resource behind it
    echo "set-openapi-configuration --enabled=false"
    # a refused bearer token is the client's mistake (answered 401), not a warning or a stack trace each
    echo "set-log-levels javax.enterprise.system.container.web.com.sun.web.security=SEVERE:fish.payara.microprofile.jwtauth=WARNING"
    # headers up to 64 KiB reach the application, which refuses a token over 8 KiB as a 401 problem (as on
    # WildFly); at Grizzly's 8 KiB default the listener answered an empty 400 itself
    echo "set $config.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=65536"
    if [ -n "${ZIPPER_INSTANCE:-}" ]; then
        echo "create-jvm-options -Dzipper.instance=$ZIPPER_INSTANCE"
    fi
    resources
}

# The resources, on Payara Server and Payara Micro alike.
resources() {
    local driver=${ZIPPER_DB_DRIVER:-h2} class=org.h2.jdbcx.JdbcDataSource
    [ "$driver" = postgresql ] && class=org.postgresql.ds.PGSimpleDataSource
    local url=${ZIPPER_DB_URL:-jdbc:h2:file:$domain/data/zipper;DB_CLOSE_ON_EXIT=FALSE}
    local netty=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory
    local connectors=$netty ha=false
    local broker="host=${ZIPPER_ARTEMIS_HOST:-127.0.0.1};port=${ZIPPER_ARTEMIS_PORT:-61616}"
    if [ -n "${ZIPPER_ARTEMIS_BACKUP_PORT:-}" ]; then
        connectors="$netty,$netty" ha=true
        broker="$broker,host=${ZIPPER_ARTEMIS_BACKUP_HOST:-127.0.0.1};port=$ZIPPER_ARTEMIS_BACKUP_PORT"
    fi
    # each connection checked as it leaves the pool with JDBC 4's isValid (as on WildFly): toggling
    # auto-commit, Payara's default check, does not reach the database, so it passes a dead connection
    echo "create-jdbc-connection-pool --datasourceclassname $class --restype javax.sql.DataSource" \
         "--property URL=$(escape "$url"):User=$(escape "${ZIPPER_DB_USER:-sa}"):Password=$(escape "${ZIPPER_DB_PASSWORD:-sa}")" \
         "--isconnectvalidatereq=true --validationmethod=custom-validation" \
         "--validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation zipper-db"
    # the application uses the platform default datasource: point it at Zipper's pool
    echo "set resources.jdbc-resource.jdbc/__default.pool-name=zipper-db"
    echo "deploy --type rar --name zipper-artemis-ra $extras/zipper-artemis-ra.rar"
    grep -v -e '^#' -e '^\s*$' "$project/jms-config/payara/messaging.asadmin" \
        | sed -e "s|@BROKER@|$(replacement "$broker")|g" -e "s|@CONNECTORS@|$connectors|g" -e "s|@HA@|$ha|g" \
              -e "s|@USER@|$(replacement "${ZIPPER_ARTEMIS_USER:-zipper}")|g" \
              -e "s|@PASSWORD@|$(replacement "${ZIPPER_ARTEMIS_PASSWORD:-zipper}")|g"
}

# The domain's administrator is "admin" with a random password kept in this file (owner-only), made with
# the domain; asadmin reads it from there.
passwordfile="$domains/admin-password"
as_admin() {
    if [ -f "$passwordfile" ]; then
        "$asadmin" --port "$admin_port" --user admin --passwordfile "$passwordfile" "$@"
    else
        "$asadmin" --port "$admin_port" "$@"
    fi
}

# A domain is configured once; when the settings change (another database, say) it is made anew. So it
# is when it still holds the application (stopped without "payara.sh stop"): Payara would load that
# copy while starting, at the same time as the new deployment, and both fail.
configure() {
    local wanted="$domains/zipper.asadmin"
    server_commands > "$wanted"
    if cmp -s "$wanted" "$domain/config/zipper.asadmin" && [ -f "$passwordfile" ] \
        && ! grep -q '<application [^>]*name="zipper"' "$domain/config/domain.xml"; then return; fi
    as_admin stop-domain --domaindir "$domains" zipper > /dev/null 2>&1 || true
    rm -rf "$domain"
    (umask 077 && echo "AS_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" > "$passwordfile")
    as_admin create-domain --domaindir "$domains" "${ports[@]}" zipper > /dev/null
    cp "$extras/h2.jar" "$extras/postgresql.jar" "$domain/lib/"
    as_admin start-domain --domaindir "$domains" zipper > /dev/null
    as_admin multimode --file "$wanted"
    as_admin stop-domain --domaindir "$domains" zipper > /dev/null
    mv "$wanted" "$domain/config/zipper.asadmin"
}

case "$command" in
    start)
        configure
        # the domain's JVM inherits the environment: MicroProfile Config reads MP_JWT_* and ZIPPER_AUTH_* there
        for setting in $("$project/ear/src/main/dev-issuer/dev-issuer.sh" settings); do export "${setting?}"; done
        as_admin start-domain --domaindir "$domains" zipper
        as_admin deploy --force=true --name zipper "$target/zipper.ear"
        ;;
    stop)
        as_admin undeploy zipper > /dev/null 2>&1 || true
        as_admin stop-domain --domaindir "$domains" zipper
        ;;
    micro-commands)
        # Payara Micro has no default JMS connection factory to repoint (it has no OpenMQ): the factory
        # gets a resource of its own, which the test deployment maps to the default name (web.xml).
        rm -rf "${domains:?}"/* && domain=$domains
        # (its boot-command reader takes the escapes as they are: one backslash, not two)
        resources | grep -v 'jms/__defaultConnectionFactory' | sed -e 's/\\\\/\\/g'
        echo "create-connector-resource --poolname zipper-jms jms/zipperConnectionFactory"
        ;;
    boot-commands) resources | sed -e 's/\\\\/\\/g' ;; # read as Micro's are: one backslash
    *) echo "usage: payara.sh start|stop|micro-commands|boot-commands DIR" >&2; exit 2 ;;
esac
