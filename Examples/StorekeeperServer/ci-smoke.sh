#!/usr/bin/env bash
# Black-box smoke test of the example server: starts the built binary on a free port, reads the
# admin keys from its one stdout line, exercises every API with curl (the README's walk-through),
# creates a key limited to 3 requests and expects the 4th to be 429, then stops the server.
# Build first: swift build --package-path Examples/StorekeeperServer
set -euo pipefail
cd "$(dirname "$0")"
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi

binary="${STOREKEEPER_SERVER_BINARY:-$(swift build --show-bin-path)/StorekeeperServer}"
[ -x "$binary" ] || { echo "no server binary at $binary: run swift build first"; exit 1; }
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" || true
    fi
    server_pid=""
}
cleanup() {
    status=$?
    stop_server
    if [ "$status" -ne 0 ]; then
        echo "--- server log"
        cat "$work/server.log" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

"$binary" --port "$port" >"$work/keys.json" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
    [ -s "$work/keys.json" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited before printing its keys"; exit 1; }
    sleep 0.2
done
[ -s "$work/keys.json" ] || { echo "no key line within 20 s"; exit 1; }
[ "$(wc -l <"$work/keys.json")" -eq 1 ] || { echo "stdout must hold exactly one line"; exit 1; }

# The README's walk-through, with the same helpers.
KEYS=$(cat "$work/keys.json")
key() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$KEYS" "$1"; }
json() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
BASE="http://127.0.0.1:$port"
START=$(python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc) - d.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
END=$(python3 -c 'import datetime as d; print(d.datetime.now(d.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))')

failures=0
# expect STATUS NAME CURL-ARGUMENTS...: runs curl, compares the status; the headers and body of the
# last call are in $work/headers and $work/body.
expect() {
    local want=$1 name=$2
    shift 2
    local got
    got=$(curl -sS -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@") || got="curl failed"
    if [ "$got" = "$want" ]; then
        echo "ok   $name: $got"
    else
        echo "FAIL $name: expected $want, got $got"
        head -c 600 "$work/body" || true
        echo
        failures=$((failures + 1))
    fi
}
expect_header() {
    if grep -qi "^$1:" "$work/headers"; then
        echo "ok   header $1 present"
    else
        echo "FAIL header $1 missing"
        failures=$((failures + 1))
    fi
}

# ShopiSync
expect 200 "shopisync list" "$BASE/api/external/v1/products?page=1&limit=20&active=true" \
    -H "Authorization: Bearer $(key shopisync)"
for header in X-RateLimit-Limit X-RateLimit-Remaining X-RateLimit-Reset; do expect_header "$header"; done
expect 200 "shopisync product" "$BASE/api/external/v1/products/1001" -H "Authorization: Bearer $(key shopisync)"
expect 401 "shopisync without a key" "$BASE/api/external/v1/products"

# Spring
expect 200 "spring product ids" "$BASE/api/1/product_ids" -u "$(key spring):"
grep -q SOMEID123 "$work/body" || { echo "FAIL spring: SOMEID123 not listed"; failures=$((failures + 1)); }
expect 403 "spring with an unknown key" "$BASE/api/1/product_ids" -u "f45h10nw33k:"

# EverShop
expect 200 "evershop products" "$BASE/api/products" -H "Authorization: Bearer $(key evershop)"
expect_header X-RateLimit-Limit
expect 401 "evershop without a key" "$BASE/api/products"

# Everspring
expect 200 "everspring inventory" "$BASE/everspring/v1/inventory?limit=10" -H "Authorization: Bearer $(key everspring)"
grep -q EV-3 "$work/body" || { echo "FAIL everspring: EV-3 not listed"; failures=$((failures + 1)); }
expect_header X-RateLimit-Limit
expect 400 "everspring order with an unknown SKU" -X POST "$BASE/everspring/v1/orders" \
    -H "Authorization: Bearer $(key everspring)" -H "Content-Type: application/json" \
    -d '{"reference": "R-1", "lines": [{"sku": "NOPE", "quantity": 1}]}'

# Partner orders
expect 200 "partner orders" "$BASE/v2/chains/demo-chain/vendors/demo-vendor/orders?start_time=$START&end_time=$END" \
    -H "Authorization: Bearer $(key partner)"
grep -q order-2 "$work/body" || { echo "FAIL partner: order-2 not listed"; failures=$((failures + 1)); }
expect 403 "partner, another chain" "$BASE/v2/chains/other-chain/orders/order-1" -H "Authorization: Bearer $(key partner)"

# OpenAPI documents
for name in shopisync spring evershop everspring partner; do expect 200 "openapi $name" "$BASE/openapi/$name.json"; done

# A key limited to 3 requests a minute: the 4th is 429.
expect 201 "admin creates a limited key" -X POST "$BASE/admin/keys/shopisync" \
    -H "Authorization: Bearer $(key shopisync)" -H "Content-Type: application/json" \
    -d '{"name": "smoke", "permissions": ["read"], "rateLimit": {"limit": 3, "windowSeconds": 60}}'
LIMITED=$(json key <"$work/body")
for attempt in 1 2 3; do
    expect 200 "limited key, request $attempt" "$BASE/api/external/v1/products" -H "Authorization: Bearer $LIMITED"
done
expect 429 "limited key, request 4" "$BASE/api/external/v1/products" -H "Authorization: Bearer $LIMITED"
expect_header X-RateLimit-Reset
expect 401 "admin endpoint without a key" -X POST "$BASE/admin/keys/shopisync" -d '{"name": "x"}'

# No key reaches the log.
for name in shopisync spring evershop everspring partner; do
    if grep -qF "$(key "$name")" "$work/server.log"; then
        echo "FAIL the $name admin key appears in the log"
        failures=$((failures + 1))
    fi
done
if grep -qF "$LIMITED" "$work/server.log"; then echo "FAIL a created key appears in the log"; failures=$((failures + 1)); fi

stop_server
if [ "$failures" -ne 0 ]; then
    echo "ci-smoke: $failures failed"
    exit 1
fi
echo "ci-smoke: every check passed"
