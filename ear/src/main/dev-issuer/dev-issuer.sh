#!/usr/bin/env bash
# The development issuer (DevIssuer.java): an RSA key pair made at first use in ZIPPER_DEV_ISSUER (default
# .zipper/dev-issuer in the project, owner-only), and tokens signed with it. For ./run.sh and the suites.
#   dev-issuer.sh settings          in development (ZIPPER_AUTH_DEVELOPMENT=true) with no provider configured
#                                   (MP_JWT_VERIFY_PUBLICKEY_LOCATION unset), the MP_JWT_VERIFY_* settings
#                                   that make a server trust this issuer, one NAME=VALUE a line; else none
#                                   (a server with no provider then refuses to start, saying why)
#   dev-issuer.sh token ROLES [SUBJECT] [options]    a token (DevIssuer.java lists the options)
#   eval "$(dev-issuer.sh development SUBJECT)"      for a script that starts its own servers and calls them
#                                   (the benchmarks): development on, ZIPPER_TOKEN a token of every role
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../../../.." && pwd)
keys=${ZIPPER_DEV_ISSUER:-$project/.zipper/dev-issuer}
made() { [ -f "$keys/private.pem" ] || java "$here/DevIssuer.java" keys "$keys"; }

case "${1:-}" in
    settings)
        if [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ] && [ "${ZIPPER_AUTH_DEVELOPMENT:-}" = true ]; then
            made
            echo "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$keys/public.pem"
            echo "MP_JWT_VERIFY_ISSUER=zipper-development"
            echo "MP_JWT_VERIFY_AUDIENCES=zipper"
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
    *) echo "usage: dev-issuer.sh settings | token ROLES [SUBJECT] [options] | development SUBJECT" >&2; exit 2 ;;
esac
