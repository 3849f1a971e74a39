#!/usr/bin/env bash
# make backup DB=name [OUT=file.zip]: one archive with a database and its
# filestore, in the layout of Odoo's own database manager, so that it can be
# restored by scripts/restore.sh, by Odoo's database manager
# (/web/database/manager, when list_db is enabled) or by `odoo-bin db load`:
#
#   dump.sql        pg_dump --no-owner, plain SQL (what Odoo's manager reads)
#   filestore/      data_dir/filestore/<db> (attachments are files, not rows)
#   manifest.json   Odoo's manifest: database, Odoo and PostgreSQL versions,
#                   installed modules and their versions
#
# Usage: scripts/backup.sh [--data-dir DIR] DB [OUT]
#   DIR  Odoo's data_dir holding filestore/<DB> (default: $B2B_DATA_DIR,
#        the project's test data dir; in production the data_dir of odoo.conf)
#   OUT  archive to write (default: $B2B_HOME/backups/<DB>-<UTC time>.zip,
#        i.e. ~/.local/share/dealer-b2b/backups, outside the repository); written
#        to OUT.part first and renamed when complete, readable by its owner only
#
# The database is dumped first, then the filestore is copied: every
# attachment of the dump has its file in the archive (Odoo writes the file
# before it commits the row). Odoo may keep serving meanwhile; a file
# written after the dump is only an orphan that Odoo's garbage collection
# removes after a restore.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '12,18s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }

DATA_DIR="$B2B_DATA_DIR"
while [ $# -gt 0 ]; do
    case "$1" in
        --data-dir) DATA_DIR="${2:?--data-dir needs a directory}"; shift 2 ;;
        --data-dir=*) DATA_DIR="${1#*=}"; shift ;;
        -h|--help) usage ;;
        -*) b2b_die "unknown option $1" ;;
        *) break ;;
    esac
done
DB="${1:-}"
[ -n "$DB" ] || usage
OUT="${2:-$B2B_HOME/backups/$DB-$(date -u +%Y%m%d-%H%M%S).zip}"

b2b_find_odoo
b2b_ensure_postgres
b2b_ensure_venv
b2b_db_exists "$DB" || b2b_die "Database $DB does not exist."

umask 077
mkdir -p "$(dirname "$OUT")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/b2b-backup.XXXXXX")"
trap 'rm -rf "$WORK" "$OUT.part"' EXIT

b2b_log "Dumping database $DB ..."
pg_dump --no-owner --format=plain --file="$WORK/dump.sql" "$DB" \
    || b2b_die "pg_dump of $DB failed."

STORE="$DATA_DIR/filestore/$DB"
if [ -d "$STORE" ]; then
    b2b_log "Adding filestore $STORE ..."
else
    b2b_log "No filestore at $STORE: the archive holds the database only."
fi

# Odoo's manifest (odoo.service.db.dump_db_manifest) and the zip itself.
psql -d "$DB" -XAtq -F $'\t' -c "SELECT name, latest_version FROM ir_module_module WHERE state = 'installed' ORDER BY name" >"$WORK/modules.tsv"
psql -d "$DB" -XAtq -c "SHOW server_version_num" >"$WORK/pg_version"
(cd / && "$VENV_PY" - "$DB" "$WORK" "$STORE" "$OUT.part") <<'PY' || b2b_die "Writing the archive failed."
import json, os, sys, zipfile

import odoo.release

db, work, store, out = sys.argv[1:]
modules = {}
with open(os.path.join(work, "modules.tsv")) as f:
    for line in f:
        name, _tab, version = line.rstrip("\n").partition("\t")
        modules[name] = version or None
pg = int(open(os.path.join(work, "pg_version")).read())
manifest = {
    "odoo_dump": "1",
    "db_name": db,
    "version": odoo.release.version,
    "version_info": odoo.release.version_info,
    "major_version": odoo.release.major_version,
    "pg_version": "%d.%d" % divmod(pg // 100, 100),
    "modules": modules,
}
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    z.writestr("manifest.json", json.dumps(manifest, indent=4))
    z.write(os.path.join(work, "dump.sql"), "dump.sql")
    files = 0
    if os.path.isdir(store):
        for root, _dirs, names in os.walk(store):
            for name in sorted(names):
                path = os.path.join(root, name)
                z.write(path, os.path.join("filestore", os.path.relpath(path, store)))
                files += 1
print(f"[dealer-b2b] {files} filestore file(s) archived", file=sys.stderr)
PY
mv "$OUT.part" "$OUT"
trap 'rm -rf "$WORK"' EXIT
b2b_log "Backup of $DB: $OUT ($(du -h "$OUT" | cut -f1))"
printf '%s\n' "$OUT"
