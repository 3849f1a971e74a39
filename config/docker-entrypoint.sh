#!/bin/sh
# Entry point for the official odoo:18.0 image (see docker-compose.yml):
# copies config/odoo.conf, adds the addons path and the master password from
# the environment, then hands over to the image's own entry point.
set -eu
conf=/tmp/odoo.conf
cp /etc/odoo/b2b/odoo.conf "$conf"
printf 'addons_path = /mnt/extra-addons\n' >>"$conf"
if [ -n "${ODOO_ADMIN_PASSWORD:-}" ]; then
    printf 'admin_passwd = %s\n' "$ODOO_ADMIN_PASSWORD" >>"$conf"
fi
export ODOO_RC="$conf"
exec /entrypoint.sh "$@"
