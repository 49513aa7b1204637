#!/bin/sh
# Run once by the node that bootstraps the cluster, with a superuser connection string as $1.
# Odoo refuses to connect as the superuser "postgres": it gets its own role, allowed to create its database.
set -eu
psql "$1" -v ON_ERROR_STOP=1 \
  --set=role="${SIM_ODOO_DB_USER:?SIM_ODOO_DB_USER is not set}" \
  --set=password="${SIM_ODOO_DB_PASSWORD:?SIM_ODOO_DB_PASSWORD is not set}" <<'SQL'
CREATE ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
SQL
