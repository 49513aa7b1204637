#!/usr/bin/env bash
# Patroni's post_init hook: runs once on the node that bootstrapped a new cluster, as the postgres user.
#   patroni-post-init.sh DATABASE CONNECTION_URL      (Patroni appends the URL; PGPASSFILE is set by Patroni)
# Creates the application database, so clients can connect as soon as the leader is up.
set -euo pipefail
database=$1 url=$2
psql "$url" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$database\";"
