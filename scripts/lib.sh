#!/usr/bin/env bash
# Shared helpers of the project's commands (sourced by run.sh, test.sh, ...).
#
# Finds Odoo 18.0 the way a user's machine has it, in this order:
#   1. $ODOO_SRC: an Odoo 18.0 source tree (git clone or sdist);
#   2. an `odoo` package importable by $PYTHON (pip / editable install);
#   3. the default clone location $B2B_HOME/odoo-18.0
#      ($B2B_HOME defaults to ~/.local/share/dealer-b2b).
# `b2b_find_odoo clone` clones https://github.com/odoo/odoo (branch 18.0)
# into the default location when nothing is found; without `clone` it fails
# loudly and says how to provide Odoo.
set -euo pipefail

B2B_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B2B_HOME="${B2B_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/dealer-b2b}"
B2B_CACHE="${B2B_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dealer-b2b}"
PYTHON="${PYTHON:-python3}"
ODOO_BRANCH="18.0"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo}"

b2b_log() { printf '\033[1m[dealer-b2b]\033[0m %s\n' "$*" >&2; }
b2b_die() { printf '\033[1;31m[dealer-b2b] ERROR:\033[0m %s\n' "$*" >&2; exit 2; }

b2b_odoo_help() {
    cat >&2 <<HELP
Odoo 18.0 was not found. Provide it in one of these ways:
  * install it so that '$PYTHON -c "import odoo"' works, or
  * point ODOO_SRC at an Odoo 18.0 source tree:
        git clone --depth 1 -b 18.0 https://github.com/odoo/odoo ~/src/odoo
        export ODOO_SRC=~/src/odoo
  * or run 'make run', which clones it into $B2B_HOME/odoo-18.0
  * or use Docker: 'docker compose up' (see README.md).
HELP
}

_b2b_is_odoo_tree() { [ -f "$1/odoo/release.py" ]; }

_b2b_check_version() {
    local ver
    ver=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p" "$1/odoo/release.py")
    [ "$ver" = "18.0" ] || b2b_die "Odoo at $1 is version '$ver'; this suite needs 18.0."
}

# Sets ODOO_SRC (tree holding the odoo package) and ODOO_IMPORTABLE (0/1).
b2b_find_odoo() {
    local mode="${1:-}" found=""
    ODOO_IMPORTABLE=0
    if [ -n "${ODOO_SRC:-}" ]; then
        _b2b_is_odoo_tree "$ODOO_SRC" || { b2b_odoo_help; b2b_die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo/release.py)."; }
        found="$ODOO_SRC"
    elif found=$(cd / && "$PYTHON" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))' 2>/dev/null); then
        ODOO_IMPORTABLE=1
    elif _b2b_is_odoo_tree "$B2B_HOME/odoo-$ODOO_BRANCH"; then
        found="$B2B_HOME/odoo-$ODOO_BRANCH"
    elif [ "$mode" = "clone" ]; then
        b2b_log "Cloning Odoo $ODOO_BRANCH from $ODOO_GIT_URL into $B2B_HOME/odoo-$ODOO_BRANCH ..."
        mkdir -p "$B2B_HOME"
        git clone --depth 1 -b "$ODOO_BRANCH" "$ODOO_GIT_URL" "$B2B_HOME/odoo-$ODOO_BRANCH" \
            || { b2b_odoo_help; b2b_die "Could not clone Odoo."; }
        found="$B2B_HOME/odoo-$ODOO_BRANCH"
    else
        b2b_odoo_help
        b2b_die "Odoo 18.0 is required and was not found."
    fi
    ODOO_SRC="$found"
    _b2b_check_version "$ODOO_SRC"
    export ODOO_SRC ODOO_IMPORTABLE
}

# Addons path: the suite first, then the Odoo tree's top-level addons/ when it
# is a git checkout (the sdist keeps every addon in odoo/addons, which Odoo
# always adds by itself).
b2b_addons_path() {
    local path="$B2B_ROOT/addons"
    [ -d "$ODOO_SRC/addons" ] && [ -f "$ODOO_SRC/addons/web/__manifest__.py" ] && path="$path,$ODOO_SRC/addons"
    printf '%s' "$path"
}

# Creates (once) the project's virtualenv and installs Odoo's and the suite's
# Python dependencies into it. Sets VENV_PY.
b2b_ensure_venv() {
    local venv="${B2B_VENV:-$B2B_CACHE/venv}"
    local stamp_src stamp
    stamp_src="$(cat "$B2B_ROOT/requirements.txt" "$ODOO_SRC/requirements.txt" 2>/dev/null; echo "$ODOO_SRC $ODOO_IMPORTABLE")"
    stamp=$(printf '%s' "$stamp_src" | sha1sum | cut -c1-16)
    if [ ! -x "$venv/bin/python" ]; then
        b2b_ensure_system_packages build
        b2b_log "Creating virtualenv $venv"
        mkdir -p "$(dirname "$venv")"
        if [ "$ODOO_IMPORTABLE" = 1 ]; then
            # Odoo is installed for $PYTHON: let the venv see it and its dependencies.
            "$PYTHON" -m venv --system-site-packages "$venv"
        else
            "$PYTHON" -m venv "$venv"
        fi
    fi
    VENV_PY="$venv/bin/python"
    if [ "$(cat "$venv/.b2b-stamp" 2>/dev/null)" != "$stamp" ]; then
        b2b_ensure_system_packages build
        b2b_log "Installing Python dependencies into $venv (once)"
        "$VENV_PY" -m pip install -q --upgrade 'pip>=25.3' >&2
        local bc
        bc=$(mktemp)
        printf 'setuptools<81\n' >"$bc"
        if [ -f "$ODOO_SRC/requirements.txt" ]; then
            "$VENV_PY" -m pip install -q --build-constraint "$bc" -r "$ODOO_SRC/requirements.txt" >&2
        fi
        if [ "$ODOO_IMPORTABLE" != 1 ]; then
            "$VENV_PY" -m pip install -q --no-deps --config-settings editable_mode=compat -e "$ODOO_SRC" >&2
        fi
        "$VENV_PY" -m pip install -q --build-constraint "$bc" -r "$B2B_ROOT/requirements.txt" >&2
        rm -f "$bc"
        printf '%s' "$stamp" >"$venv/.b2b-stamp"
    fi
    (cd / && "$VENV_PY" -c 'import odoo') || b2b_die "Odoo is not importable from $VENV_PY."
    export VENV_PY
}

# Debian packages the project needs, by purpose:
#   build: headers and compilers for Odoo's Python requirements that pip may
#          build from source (psycopg2: libpq-dev; python-ldap: libldap2-dev,
#          libsasl2-dev);
#   run:   the database server, PDF rendering with Chinese glyphs, git (to
#          clone Odoo);
#   test:  Chromium for browser tours, gettext (msgfmt checks of the .po
#          files), nginx (multi-node test), poppler-utils (pdftotext, pdftoppm).
B2B_PKGS_BUILD=(gcc libc6-dev libpq-dev libldap2-dev libsasl2-dev)
B2B_PKGS_RUN=(git postgresql postgresql-client wkhtmltopdf fonts-noto-cjk)
B2B_PKGS_TEST=(chromium gettext nginx poppler-utils)

_b2b_pkg_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# Installs the Debian packages of the given purposes (build, run, test) that
# are missing: as root directly, else through `sudo -n` when allowed; otherwise
# stops with the exact command to run. B2B_SYSTEM_PACKAGES=0 skips the check
# (machines or images that provide them another way). On a system without
# dpkg it only lists what is needed.
b2b_ensure_system_packages() {
    [ "${B2B_SYSTEM_PACKAGES:-1}" = 0 ] && return 0
    local purpose wanted=() missing=() p
    for purpose in "$@"; do
        case "$purpose" in
            build)
                wanted+=("${B2B_PKGS_BUILD[@]}")
                # Debian's own python3 needs its venv module and headers
                case "$(readlink -f "$(command -v "$PYTHON" 2>/dev/null || echo /nonexistent)")" in
                    /usr/bin/*) wanted+=(python3-venv python3-dev) ;;
                esac
                ;;
            run) wanted+=("${B2B_PKGS_RUN[@]}") ;;
            test) wanted+=("${B2B_PKGS_TEST[@]}") ;;
            *) b2b_die "unknown package purpose '$purpose'" ;;
        esac
    done
    if ! command -v dpkg-query >/dev/null 2>&1; then
        b2b_log "Not a Debian system: make sure these (or their equivalents) are installed: ${wanted[*]}"
        return 0
    fi
    for p in "${wanted[@]}"; do
        _b2b_pkg_installed "$p" || missing+=("$p")
    done
    [ ${#missing[@]} = 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            b2b_die "Missing Debian packages: ${missing[*]}
  Install them with:  sudo apt-get install --no-install-recommends ${missing[*]}
  (or set B2B_SYSTEM_PACKAGES=0 if your system provides them another way)."
        fi
    fi
    b2b_log "Installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
        || b2b_die "apt-get update failed."
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >&2 || b2b_die "Could not install: ${missing[*]}"
}

# Makes sure a PostgreSQL server answers for the current user. Installs and
# starts Debian's postgresql when missing and we are allowed to (root).
b2b_ensure_postgres() {
    if psql -d postgres -XAtqc 'select 1' >/dev/null 2>&1; then
        return 0
    fi
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        b2b_ensure_system_packages run
        command -v pg_lsclusters >/dev/null 2>&1 \
            || b2b_die "PostgreSQL is not reachable. Install and start PostgreSQL (Debian: apt-get install postgresql) or set PGHOST/PGUSER/PGPASSWORD."
    fi
    local ver name
    read -r ver name _ < <(pg_lsclusters -h | head -n 1)
    [ -n "${ver:-}" ] || b2b_die "No PostgreSQL cluster found (pg_lsclusters)."
    b2b_log "Starting PostgreSQL cluster $ver/$name"
    pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
    for _ in $(seq 1 30); do
        pg_isready -q && break
        sleep 1
    done
    if ! psql -d postgres -XAtqc 'select 1' >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
            su postgres -c "createuser -s $(id -un)" 2>/dev/null || true
        fi
    fi
    psql -d postgres -XAtqc 'select 1' >/dev/null 2>&1 \
        || b2b_die "PostgreSQL runs but user $(id -un) cannot connect; create a role: sudo -u postgres createuser -s $(id -un)"
}

# Suite modules, from the addons/ folder.
b2b_modules() {
    local d out=()
    for d in "$B2B_ROOT"/addons/*/__manifest__.py; do
        out+=("$(basename "$(dirname "$d")")")
    done
    local IFS=,
    printf '%s' "${out[*]}"
}

# Core (non-suite) modules the suite depends on, from the manifests.
b2b_core_modules() {
    "$VENV_PY" - "$B2B_ROOT/addons" <<'PY'
import ast, os, sys
root = sys.argv[1]
suite = {d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "__manifest__.py"))}
deps = set()
for mod in suite:
    with open(os.path.join(root, mod, "__manifest__.py")) as f:
        deps.update(ast.literal_eval(f.read()).get("depends", []))
print(",".join(sorted(deps - suite)))
PY
}

# Odoo data directory (filestores) of the project's test and template databases.
B2B_DATA_DIR="${B2B_DATA_DIR:-$B2B_CACHE/data}"
export B2B_DATA_DIR

# Copies a database and its filestore (attachments live on disk, not in SQL).
b2b_clone_db() {
    local src="$1" dst="$2"
    dropdb --if-exists "$dst" 2>/dev/null
    rm -rf "$B2B_DATA_DIR/filestore/$dst"
    createdb -T "$src" "$dst"
    if [ -d "$B2B_DATA_DIR/filestore/$src" ]; then
        mkdir -p "$B2B_DATA_DIR/filestore"
        cp -al "$B2B_DATA_DIR/filestore/$src" "$B2B_DATA_DIR/filestore/$dst"
    fi
}

b2b_drop_db() {
    dropdb --if-exists "$1" 2>/dev/null
    rm -rf "${B2B_DATA_DIR:?}/filestore/$1"
}

b2b_db_exists() { [ "$(psql -d postgres -XAtqc "select 1 from pg_database where datname='$1'")" = 1 ]; }

b2b_free_port() {
    "$VENV_PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Prints the name of a template database holding the Odoo apps the suite
# depends on (`nodemo`: without demo data; `demo`: with Odoo's demo data),
# building it once. Cached by Odoo's version and the core module list;
# KEEP_TEMPLATES=0 rebuilds it.
b2b_ensure_template() {
    local kind="$1" core odoo_key core_key name args=()
    core="$(b2b_core_modules)"
    odoo_key=$(sha1sum <"$ODOO_SRC/odoo/release.py" | cut -c1-8)
    core_key=$(printf '%s' "$core" | sha1sum | cut -c1-8)
    if [ "$kind" = demo ]; then
        name="b2b_tmpld_${odoo_key}_${core_key}"
    else
        name="b2b_tmpl_${odoo_key}_${core_key}"
        args=(--without-demo=all)
    fi
    if [ "${KEEP_TEMPLATES:-1}" = 1 ] && b2b_db_exists "$name"; then
        printf '%s' "$name"
        return 0
    fi
    local log="$B2B_CACHE/template-$name.log"
    mkdir -p "$B2B_CACHE"
    b2b_log "Building template database $name ($core) ..."
    b2b_drop_db "$name"
    b2b_drop_db "${name}_tmp"
    if ! b2b_odoo -d "${name}_tmp" --addons-path="$(b2b_addons_path)" --data-dir="$B2B_DATA_DIR" \
        -i "$core" --stop-after-init --log-level=warn --http-port="$(b2b_free_port)" \
        "${args[@]}" >"$log" 2>&1; then
        tail -n 50 "$log" >&2
        b2b_die "Could not build template database $name (log: $log)"
    fi
    psql -d postgres -XAtqc "ALTER DATABASE \"${name}_tmp\" RENAME TO \"$name\"" >/dev/null
    if [ -d "$B2B_DATA_DIR/filestore/${name}_tmp" ]; then
        mv "$B2B_DATA_DIR/filestore/${name}_tmp" "$B2B_DATA_DIR/filestore/$name"
    fi
    printf '%s' "$name"
}

b2b_odoo() { (cd / && "$VENV_PY" "$B2B_ROOT/scripts/odoo-bin" "$@"); }
