#!/usr/bin/env bash
# The development issuer (DevIssuer.java): an RSA key pair made at first use in ZIPPER_DEV_ISSUER (default
# .zipper/dev-issuer in the project, owner-only), and tokens signed with it. For ./run.sh and the suites.
#   dev-issuer.sh key-location      the key the servers verify tokens with (MP_JWT_VERIFY_PUBLICKEY_LOCATION):
#                                   the one configured; else, in development (ZIPPER_AUTH_DEVELOPMENT=true),
#                                   the issuer's; else none (Zipper then refuses to start, saying why)
#   dev-issuer.sh token ROLES [SUBJECT] [options]    a token (DevIssuer.java lists the options)
#   eval "$(dev-issuer.sh development SUBJECT)"      for a script that starts its own servers and calls them
#                                   (the benchmarks): development on, ZIPPER_TOKEN a token of every role
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
keys=${ZIPPER_DEV_ISSUER:-$project/.zipper/dev-issuer}
made() { [ -f "$keys/private.pem" ] || java "$here/DevIssuer.java" keys "$keys"; }

case "${1:-}" in
    key-location)
        if [ -n "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ]; then
            echo "$MP_JWT_VERIFY_PUBLICKEY_LOCATION"
        elif [ "${ZIPPER_AUTH_DEVELOPMENT:-}" = true ]; then
            made
            echo "file:$keys/public.pem"
        fi
        ;;
    token)
        shift
        made
        java "$here/DevIssuer.java" token "$keys" "$@"
        ;;
    development)
        made
        echo "export ZIPPER_AUTH_DEVELOPMENT=true ZIPPER_TOKEN=$(java "$here/DevIssuer.java" token "$keys" \
            customer,staff,operator "${2:?usage: dev-issuer.sh development SUBJECT}")"
        ;;
    *) echo "usage: dev-issuer.sh key-location | token ROLES [SUBJECT] [options] | development SUBJECT" >&2; exit 2 ;;
esac
