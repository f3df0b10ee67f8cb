#!/usr/bin/env bash
# Fills a running Zipper (./run.sh) with a shop's life: 16 products with stock, 16 customers, then ORDERS
# orders from SHOPPERS shoppers at once (cards that decline or never answer among them; some orders
# cancelled, shipped, delivered), with a progress line; ends with where the orders ended and checkouts/s.
#   demo/load.sh [ORDERS] [SHOPPERS] [API]     default 300 orders, 8 shoppers, http://127.0.0.1:8080/zipper/api
# Only a JDK (17 or later) is needed; the same seed gives the same shop.
set -euo pipefail
cd "$(dirname "$0")"
# the shop is run by one caller who is every role: of the development issuer unless ZIPPER_TOKEN is given
ZIPPER_TOKEN=${ZIPPER_TOKEN:-$(../ear/src/main/dev-issuer/dev-issuer.sh token customer,staff,operator demo)}
export ZIPPER_TOKEN
exec java StoreDemo.java "${3:-http://127.0.0.1:8080/zipper/api}" "${1:-300}" "${2:-8}" "${ZIPPER_DEMO_SEED:-42}"
