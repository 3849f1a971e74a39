#!/usr/bin/env bash
# make restore FILE=backup.zip DB=name [NEUTRALIZE=1]: restore an archive of
# scripts/backup.sh (or of Odoo's database manager: the same layout) into a
# new database and its filestore.
#
# Usage: scripts/restore.sh [--neutralize] [--data-dir DIR] FILE DB
#   FILE          a zip with dump.sql (+ filestore/, manifest.json), or a bare
#                 `pg_dump -Fc` file (Odoo's "pg_dump custom format": no filestore)
#   DB            the database to create; it must not exist yet, nor its
#                 filestore directory (nothing is ever overwritten)
#   --neutralize  then run `odoo-bin neutralize` on it (Odoo 18: no outgoing
#                 mail, crons and payment providers off, a banner...), for a
#                 test or staging copy; nothing is neutralised by default
#   DIR           Odoo's data_dir receiving filestore/<DB> (default:
#                 $B2B_DATA_DIR; in production the data_dir of odoo.conf, and
#                 run this as the user Odoo runs as, so it owns the files)
#
# The SQL runs in one transaction and stops at the first error: a failed
# restore leaves neither a database nor a filestore behind.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '6,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }

DATA_DIR="$B2B_DATA_DIR"
NEUTRALIZE=0
while [ $# -gt 0 ]; do
    case "$1" in
        --neutralize) NEUTRALIZE=1; shift ;;
        --data-dir) DATA_DIR="${2:?--data-dir needs a directory}"; shift 2 ;;
        --data-dir=*) DATA_DIR="${1#*=}"; shift ;;
        -h|--help) usage ;;
        -*) b2b_die "unknown option $1" ;;
        *) break ;;
    esac
done
FILE="${1:-}"
DB="${2:-}"
{ [ -n "$FILE" ] && [ -n "$DB" ]; } || usage
[ -f "$FILE" ] || b2b_die "No such file: $FILE"
[[ "$DB" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || b2b_die "Invalid database name: $DB"

b2b_find_odoo
b2b_ensure_postgres
b2b_ensure_venv
b2b_db_exists "$DB" && b2b_die "Database $DB already exists: drop it first (or choose another name)."
STORE="$DATA_DIR/filestore/$DB"
[ -e "$STORE" ] && b2b_die "$STORE already exists: remove it first (or choose another name)."

mkdir -p "$DATA_DIR/filestore"
# Staging inside the data_dir, so that the filestore is renamed, not copied.
WORK="$(mktemp -d "$DATA_DIR/filestore/.restore-$DB.XXXXXX")"
created=0
cleanup() {
    local rc=$?
    rm -rf "$WORK"
    if [ "$rc" != 0 ] && [ "$created" = 1 ]; then
        b2b_log "Restore failed: dropping $DB and its filestore."
        dropdb --if-exists "$DB" 2>/dev/null || true
        rm -rf "$STORE"
    fi
}
trap cleanup EXIT

KIND=$(cd / && "$VENV_PY" - "$FILE" "$WORK" <<'PY'
import json, os, sys, zipfile

path, work = sys.argv[1:]
if not zipfile.is_zipfile(path):
    print("pgdump")
    raise SystemExit
with zipfile.ZipFile(path) as z:
    names = z.namelist()
    if "dump.sql" not in names:
        sys.exit("the archive has no dump.sql")
    # only the known members (as Odoo's restore); extract() keeps them
    # inside `work` whatever their names
    members = ["dump.sql"] + [n for n in names if n.startswith("filestore/")]
    if "manifest.json" in names:
        manifest = json.loads(z.read("manifest.json"))
        print(
            f"[dealer-b2b] Archive of {manifest.get('db_name')} (Odoo "
            f"{manifest.get('version')}, PostgreSQL {manifest.get('pg_version')}, "
            f"{len(manifest.get('modules', {}))} modules)",
            file=sys.stderr,
        )
    z.extractall(work, members)
print("zip")
PY
) || b2b_die "Cannot read $FILE."

b2b_log "Creating database $DB ..."
# as Odoo creates its databases (odoo.service.db._create_empty_database)
createdb --encoding=UTF8 --lc-collate=C --template=template0 "$DB" \
    || b2b_die "Cannot create database $DB."
created=1
if [ "$KIND" = zip ]; then
    b2b_log "Loading dump.sql ..."
    psql -d "$DB" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$WORK/dump.sql" >/dev/null \
        || b2b_die "Loading the SQL dump into $DB failed."
    if [ -d "$WORK/filestore" ]; then
        mv "$WORK/filestore" "$STORE"
        b2b_log "Filestore restored into $STORE ($(find "$STORE" -type f | wc -l) files)"
    fi
else
    b2b_log "Loading the pg_dump custom-format file (no filestore) ..."
    pg_restore --no-owner --no-acl --exit-on-error --single-transaction -d "$DB" "$FILE" \
        || b2b_die "pg_restore into $DB failed."
fi

if [ "$NEUTRALIZE" = 1 ]; then
    b2b_log "Neutralizing $DB (odoo-bin neutralize) ..."
    b2b_odoo neutralize -d "$DB" --addons-path="$(b2b_addons_path)" --data-dir="$DATA_DIR" \
        --log-level=warn || b2b_die "Neutralizing $DB failed."
fi
created=0
b2b_log "Restored $FILE into database $DB."
