#!/usr/bin/env bash
# make test-fast: the Odoo tests of some modules through pytest-odoo, on the
# database the last `make test` left (every suite module installed), without
# reinstalling anything: pytest's selection (-k, node ids), output and JUnit
# report for the edit-test loop.
#
#   make test-fast MODULES=b2b_base                     # one module
#   make test-fast MODULES=b2b_pricing ARGS="-k break"  # a selection
#   make test-fast UPDATE=1 MODULES=b2b_pricing         # -u the modules first
#   make test-fast HTTP=1 MODULES=b2b_base              # HttpCase tests too
#
# HttpCase tests are skipped unless HTTP=1 (pytest-odoo's in-process HTTP
# server): a browser tour through a page whose route a suite module overrides
# (e.g. the portal order page) does not see the override there; `make test`
# runs every tour.
#
# `make test` stays the full check (see README, "pytest-odoo"): it installs
# the modules with their tests, so install-time errors fail it too.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

b2b_find_odoo
b2b_ensure_postgres
b2b_ensure_venv

TEST_DB="${B2B_TEST_DB:-b2b_test}"
MODULES="${MODULES:-$(b2b_modules)}"
b2b_db_exists "$TEST_DB" \
    || b2b_die "No test database $TEST_DB: run 'make test' once (it creates it)."
ADDONS_PATH="$(b2b_addons_path)"
if [ "${UPDATE:-0}" = 1 ]; then
    b2b_log "Updating $MODULES on $TEST_DB ..."
    b2b_odoo -d "$TEST_DB" --addons-path="$ADDONS_PATH" --data-dir="$B2B_DATA_DIR" \
        -u "$MODULES" --stop-after-init --log-level=warn --http-port="$(b2b_free_port)"
fi
paths=()
for m in ${MODULES//,/ }; do
    [ -d "$B2B_ROOT/addons/$m/tests" ] && paths+=("$B2B_ROOT/addons/$m/tests")
done
[ ${#paths[@]} -gt 0 ] || b2b_die "No tests in: $MODULES"
OUT="${B2B_TEST_OUT:-$B2B_CACHE/test-output}"
mkdir -p "$OUT"
http=()
[ "${HTTP:-0}" = 1 ] && http=(--odoo-http)
cd /   # never from inside an addons folder
# shellcheck disable=SC2086
exec "$VENV_PY" -m pytest -o addopts= -p no:cacheprovider -q -rfEs \
    --odoo-database="$TEST_DB" --odoo-addons-path="$ADDONS_PATH" \
    --odoo-extra="data-dir=$B2B_DATA_DIR" "${http[@]}" \
    --junitxml="$OUT/pytest-odoo.xml" "${paths[@]}" ${ARGS:-}
