#!/usr/bin/env bash
# make bench: every benchmark under bench/ (or BENCH=pricing,credit,approval,portal,api), each on
# its own database copied from the test template (no demo data) and
# generated once; results are printed and written to bench/results/.
# Figures go into docs/PERFORMANCE.md by hand, with the date and machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

b2b_find_odoo
b2b_ensure_postgres
b2b_ensure_venv
ADDONS_PATH="$(b2b_addons_path)"
TEMPLATE="$(b2b_ensure_template nodemo)"
mkdir -p "$B2B_ROOT/bench/results"
status=0
for script in "$B2B_ROOT"/bench/*/bench_*.py; do
    name="$(basename "$(dirname "$script")")"
    if [ -n "${BENCH:-}" ] && [[ ",$BENCH," != *",$name,"* ]]; then
        continue
    fi
    out="$B2B_ROOT/bench/results/$name-$(date -u +%Y%m%dT%H%M%SZ).txt"
    b2b_log "bench $name -> $out"
    if ! (cd / && "$VENV_PY" "$script" --db "b2b_bench_$name" --template "$TEMPLATE" ${BENCH_ARGS:-}) 2>&1 | tee "$out"; then
        status=1
    fi
done
exit $status
