#!/usr/bin/env bash
# make test: fresh database, every suite module installed, every Odoo test of
# the suite plus every pytest test under tests/ (live server, lifecycle,
# translations). Prints one summary line "N passed, N failed, N skipped" and
# exits non-zero on any failure. Nothing is skipped silently: without Odoo or
# PostgreSQL it fails and says how to provide them.
#
# Environment:
#   MODULES=b2b_base,b2b_sale   test only these suite modules (default: all)
#   PYTEST=0                    skip the pytest part (Odoo tests only)
#   PYTEST_ARGS="-k portal"     extra pytest arguments
#   B2B_TEST_DB=name            test database name (default: b2b_test)
#   KEEP_TEMPLATES=0            rebuild the cached template databases
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

b2b_ensure_system_packages build run test

b2b_find_odoo
b2b_ensure_postgres
b2b_ensure_venv

ALL_MODULES="$(b2b_modules)"
MODULES="${MODULES:-$ALL_MODULES}"
CORE_MODULES="$(b2b_core_modules)"
TEST_DB="${B2B_TEST_DB:-b2b_test}"
ADDONS_PATH="$(b2b_addons_path)"
OUT="${B2B_TEST_OUT:-$B2B_CACHE/test-output}"
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.xml

# --- Template databases, cached by Odoo's version and the core module list ---
TEMPLATE="$(b2b_ensure_template nodemo)"
DEMO_TEMPLATE="$(b2b_ensure_template demo)"
export B2B_TEMPLATE_DB="$TEMPLATE" B2B_DEMO_TEMPLATE_DB="$DEMO_TEMPLATE"

# --- Odoo tests ------------------------------------------------------------
b2b_clone_db "$TEMPLATE" "$TEST_DB"
tags=$(printf '%s' "$MODULES" | sed 's/\([^,]*\)/\/\1/g')
b2b_log "Odoo tests: installing $MODULES on $TEST_DB and running their tests ..."
start=$(date +%s)
set +e
(cd / && "$VENV_PY" "$B2B_ROOT/scripts/odoo_test_runner.py" "$OUT/odoo.json" \
    -d "$TEST_DB" --addons-path="$ADDONS_PATH" --data-dir="$B2B_DATA_DIR" -i "$MODULES" --without-demo=all \
    --test-enable --test-tags="$tags" --stop-after-init --log-level=test \
    --http-interface=127.0.0.1 --http-port="$(b2b_free_port)" --max-cron-threads=0) >"$OUT/odoo.log" 2>&1
odoo_rc=$?
set -e
b2b_log "Odoo tests finished in $(( $(date +%s) - start ))s (rc=$odoo_rc, log: $OUT/odoo.log)"
grep -E "(ERROR|CRITICAL|FAIL:|Traceback)" "$OUT/odoo.log" | head -n 60 >&2 || true

read -r o_run o_fail o_err o_skip o_load < <("$VENV_PY" - "$OUT/odoo.json" <<'PY'
import json, sys
try:
    c = json.load(open(sys.argv[1]))
except Exception:
    c = {"run": 0, "failures": 0, "errors": 0, "skipped": 0, "load_failed": 1}
print(c["run"], c["failures"], c["errors"], c["skipped"], c["load_failed"])
PY
)
# Errors logged outside any test (module loading, data files) are failures too.
log_errors=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$OUT/odoo.log" || true)
odoo_failed=$(( o_fail + o_err + o_load ))
if [ "$odoo_failed" = 0 ] && { [ "$odoo_rc" != 0 ] || [ "$log_errors" != 0 ]; }; then
    b2b_log "Odoo exited with rc=$odoo_rc and $log_errors error line(s) in the log outside tests"
    odoo_failed=1
fi
if [ "$o_run" = 0 ]; then
    b2b_log "No Odoo test ran: that is a failure."
    odoo_failed=$(( odoo_failed + 1 ))
fi
odoo_passed=$(( o_run - o_fail - o_err - o_skip ))
[ "$odoo_passed" -lt 0 ] && odoo_passed=0
b2b_log "Odoo tests: $odoo_passed passed, $odoo_failed failed, $o_skip skipped"

# --- pytest: live server, lifecycle, translations, docs --------------------
p_pass=0 p_fail=0 p_skip=0
if [ "${PYTEST:-1}" != 0 ]; then
    export B2B_LIVE_DB="$TEST_DB" B2B_ADDONS_PATH="$ADDONS_PATH" B2B_VENV_PY="$VENV_PY" B2B_MODULES="$MODULES"
    set +e
    (cd "$B2B_ROOT" && "$VENV_PY" -m pytest tests -p no:cacheprovider -q -rfEs \
        --junitxml="$OUT/pytest.xml" ${PYTEST_ARGS:-})
    pytest_rc=$?
    set -e
    read -r p_pass p_fail p_skip < <("$VENV_PY" - "$OUT/pytest.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print(0, 1, 0)
    raise SystemExit
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
t = f = s = 0
for su in suites:
    t += int(su.get("tests", 0))
    f += int(su.get("failures", 0)) + int(su.get("errors", 0))
    s += int(su.get("skipped", 0))
print(t - f - s, f, s)
PY
)
    if [ "$pytest_rc" != 0 ] && [ "$p_fail" = 0 ]; then
        p_fail=1   # collection error, or no test collected
    fi
    if [ "$p_skip" != 0 ]; then
        b2b_log "pytest skipped $p_skip test(s): skipping is not allowed here."
        p_fail=$(( p_fail + p_skip )); p_skip=0
    fi
fi

if [ "$o_skip" != 0 ]; then
    b2b_log "Odoo skipped $o_skip test(s) (see 'skipped' in $OUT/odoo.log): skipping is not allowed here."
    odoo_failed=$(( odoo_failed + o_skip )); o_skip=0
fi
passed=$(( odoo_passed + p_pass ))
failed=$(( odoo_failed + p_fail ))
skipped=$(( o_skip + p_skip ))
echo
echo "Total: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
