#!/usr/bin/env bash
# make lint: the pre-commit hooks (ruff, pylint-odoo with OCA's mandatory
# checks, XML and whitespace checks) on every file of the repository.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if ! command -v pre-commit >/dev/null 2>&1; then
    b2b_find_odoo
    b2b_ensure_venv
    PRE_COMMIT=("$VENV_PY" -m pre_commit)
else
    PRE_COMMIT=(pre-commit)
fi
cd "$B2B_ROOT"
"${PRE_COMMIT[@]}" run --all-files --show-diff-on-failure
