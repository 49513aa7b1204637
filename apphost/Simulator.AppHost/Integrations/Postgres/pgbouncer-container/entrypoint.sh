#!/bin/sh
# Starts PgBouncer with the generated /etc/pgbouncer/pgbouncer.ini. The Odoo role's password arrives as an
# environment variable (never in a generated file) and is written to the auth file here; PgBouncer uses it both to
# check Odoo's SCRAM login and to log in to the servers.
set -eu
user="${SIM_ODOO_DB_USER:?SIM_ODOO_DB_USER is not set}"
password="${SIM_ODOO_DB_PASSWORD:?SIM_ODOO_DB_PASSWORD is not set}"
umask 077
printf '"%s" "%s"\n' "$user" "$password" > /tmp/userlist.txt
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
