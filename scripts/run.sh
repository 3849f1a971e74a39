#!/usr/bin/env bash
# make run: idempotent. Ensures PostgreSQL and Odoo 18.0 (cloning it when
# nothing is found), installs the Python dependencies in a virtualenv, creates
# the demo database with the whole suite and demo data if it does not exist,
# and serves it on http://127.0.0.1:8069.
#
# Environment: B2B_DB (default dealer_b2b_demo), B2B_PORT (8069),
# ODOO_ADMIN_PASSWORD (master password; generated and kept in
# $B2B_HOME/admin_passwd when unset), ODOO_SRC (see scripts/lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

b2b_ensure_system_packages build run

b2b_find_odoo clone
b2b_ensure_postgres
b2b_ensure_venv

DB="${B2B_DB:-dealer_b2b_demo}"
PORT="${B2B_PORT:-8069}"
ADDONS_PATH="$(b2b_addons_path)"
mkdir -p "$B2B_HOME"
if [ -z "${ODOO_ADMIN_PASSWORD:-}" ]; then
    if [ ! -s "$B2B_HOME/admin_passwd" ]; then
        (umask 077 && "$VENV_PY" -c 'import secrets; print(secrets.token_urlsafe(18))' >"$B2B_HOME/admin_passwd")
    fi
    ODOO_ADMIN_PASSWORD="$(cat "$B2B_HOME/admin_passwd")"
fi
CONF="$B2B_HOME/odoo.conf"
(
    umask 077
    cat "$B2B_ROOT/config/odoo.conf"
    printf 'addons_path = %s\n' "$ADDONS_PATH"
    printf 'admin_passwd = %s\n' "$ODOO_ADMIN_PASSWORD"
    printf 'data_dir = %s\n' "$B2B_HOME/data"
) >"$CONF"

if ! b2b_db_exists "$DB" || [ "$(psql -d "$DB" -XAtqc "select state from ir_module_module where name='b2b_suite'" 2>/dev/null)" != installed ]; then
    b2b_log "Creating demo database $DB with the whole suite and demo data (a few minutes) ..."
    b2b_odoo -c "$CONF" -d "$DB" -i b2b_suite --load-language=zh_CN \
        --stop-after-init --no-http --log-level=warn \
        || b2b_die "Installing the suite into $DB failed (see the log above)."
fi

# PDFs (statements, price lists, frozen statement snapshots of the monthly
# job) are rendered by wkhtmltopdf, which fetches the report's style sheets
# from this server: point it at the address served here, whatever
# web.base.url says (it may still name another port, or "localhost" that
# resolves to ::1 while Odoo listens on 127.0.0.1).
psql -d "$DB" -XAtqc "
    INSERT INTO ir_config_parameter (key, value, create_uid, create_date, write_uid, write_date)
    VALUES ('report.url', 'http://127.0.0.1:$PORT', 1, now() at time zone 'utc', 1, now() at time zone 'utc')
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date" >/dev/null

cat <<MSG

  Dealer B2B for Odoo is starting on  http://127.0.0.1:$PORT   (database: $DB)

  Demo logins (password = login):
MSG
psql -d "$DB" -XAtqF ' ' -c "
    SELECT rpad(u.login, 22), CASE WHEN u.share THEN 'portal /my  ' ELSE 'backend /odoo' END, p.name
      FROM res_users u JOIN res_partner p ON p.id = u.partner_id
     WHERE u.active AND (u.login = 'admin' OR u.login LIKE 'b2b\_%' OR u.login LIKE 'dealer\_%')
     ORDER BY u.share, u.login" | sed 's/^/    /'
printf '\n  (admin/admin is the administrator of the demo database.)\n  Stop with Ctrl+C.\n\n'

cd /   # never start Odoo from inside an addons folder
exec "$VENV_PY" "$B2B_ROOT/scripts/odoo-bin" -c "$CONF" -d "$DB" --db-filter="^$DB\$" \
    --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port="$((PORT + 3))"
