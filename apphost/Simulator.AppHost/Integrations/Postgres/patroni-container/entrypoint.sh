#!/bin/sh
# Starts Patroni with the generated /etc/patroni/patroni.yml. Secrets arrive as environment
# variables (never in the file): POSTGRES_USER/POSTGRES_PASSWORD from Aspire's PostgreSQL resource,
# SIM_REPLICATION_PASSWORD from the AppHost.
set -eu
export PATRONI_SUPERUSER_USERNAME="${POSTGRES_USER:-postgres}"
export PATRONI_SUPERUSER_PASSWORD="${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set}"
export PATRONI_REPLICATION_PASSWORD="${SIM_REPLICATION_PASSWORD:?SIM_REPLICATION_PASSWORD is not set}"
# Patroni creates the data directory itself and wants it private.
mkdir -p /var/lib/postgresql/data
exec patroni /etc/patroni/patroni.yml
