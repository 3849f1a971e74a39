#!/usr/bin/env bash
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# The integrator API with curl over JSON-RPC (docs/API.md): the contract,
# the dealer's credit, a price and a submitted order.
#
# Environment: B2B_URL (http://127.0.0.1:8069), B2B_DB (dealer_b2b_demo),
# B2B_USER (dealer_a_integration), B2B_KEY (its API key; the demo user also
# accepts its password = login), B2B_SKU (FURN_7800).
set -euo pipefail
URL="${B2B_URL:-http://127.0.0.1:8069}"
DB="${B2B_DB:-dealer_b2b_demo}"
LOGIN="${B2B_USER:-dealer_a_integration}"
KEY="${B2B_KEY:-${B2B_PASSWORD:-$LOGIN}}"
SKU="${B2B_SKU:-FURN_7800}"

rpc() { # rpc SERVICE METHOD ARGS_JSON
    curl -sS --fail "$URL/jsonrpc" -H 'Content-Type: application/json' \
        -d "{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"id\": 1,
             \"params\": {\"service\": \"$1\", \"method\": \"$2\", \"args\": $3}}"
}
json() { python3 -c "import json, sys; print(json.dumps($1, ensure_ascii=False))"; }

# the contract (public, no key needed)
curl -sS --fail "$URL/b2b_api/schema.json" | python3 -c \
    'import json, sys; s = json.load(sys.stdin); print("schema", s["api_version"], len(s["operations"]), "operations")'

uid=$(rpc common login "$(json "['$DB', '$LOGIN', '$KEY']")" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["result"] or "")')
[ -n "$uid" ] || { echo "cannot authenticate $LOGIN" >&2; exit 1; }

call() { # call OPERATION PAYLOAD_JSON: prints the answer, fails on ok=false
    local answer
    answer=$(rpc object execute_kw "[\"$DB\", $uid, \"$KEY\", \"b2b.api\", \"$1\", [$2]]")
    printf '%s\n' "$answer" | python3 -c '
import json, sys
body = json.load(sys.stdin)
result = body.get("result") or {}
print(sys.argv[1], json.dumps(result, ensure_ascii=False)[:400])
sys.exit(0 if result.get("ok") else 1)' "$1"
}

call dealer_credit '{}'
call price_lines "{\"lines\": [{\"sku\": \"$SKU\", \"quantity\": 2}]}"
ref="PO-SH-$(date +%s)-$$"
call submit_order "{\"idempotency_key\": \"$ref\", \"client_reference\": \"$ref\",
                    \"lines\": [{\"sku\": \"$SKU\", \"quantity\": 2}]}"
call order_status "{\"client_reference\": \"$ref\"}"
