#!/usr/bin/env bash
# make clean: drop the project's test, template and lifecycle databases.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for db in $(psql -d postgres -XAtqc "SELECT datname FROM pg_database WHERE datname LIKE 'b2b\_%'"); do
    b2b_log "dropping $db"
    b2b_drop_db "$db"
done
