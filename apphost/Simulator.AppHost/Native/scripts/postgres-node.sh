#!/usr/bin/env bash
# Runs one PostgreSQL node of a native topology, as the postgres user (the caller drops privileges).
#   postgres-node.sh primary DATA_DIR PORT PASSWORD_FILE DATABASE[,DATABASE...]
#   postgres-node.sh replica DATA_DIR PORT PASSWORD_FILE PRIMARY_PORT
# The first start prepares the data directory (initdb, or pg_basebackup from the primary);
# later starts reuse it. postgres runs as a child so that the TERM sent by the orchestrator
# becomes a *fast* shutdown (SIGINT): a smart shutdown would wait for every client to leave.
set -euo pipefail
role=$1 data=$2 port=$3 pwfile=$4 extra=$5
# The newest installed server version, unless the caller names one.
bin=${SIM_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
sockets="$data/../sockets-$port"
mkdir -p "$sockets"

if [[ ! -s "$data/PG_VERSION" ]]; then
  if [[ $role == primary ]]; then
    "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth-host=scram-sha-256 \
      --auth-local=peer -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
wal_keep_size = 256MB
max_connections = 200
shared_buffers = 64MB
fsync = on
synchronous_commit = on
CONF
    echo "host replication all 127.0.0.1/32 scram-sha-256" >>"$data/pg_hba.conf"
    # One database, or several (tenants sharing the server) as a comma-separated list.
    IFS=, read -ra databases <<<"$extra"
    for database in "${databases[@]}"; do
      echo "CREATE DATABASE \"$database\";" | "$bin/postgres" --single -D "$data" postgres >/dev/null
    done
  else
    PGPASSWORD=$(cat "$pwfile") "$bin/pg_basebackup" -h 127.0.0.1 -p "$extra" -U postgres \
      -D "$data" -X stream -R --checkpoint=fast
  fi
  chmod 700 "$data"
fi

"$bin/postgres" -D "$data" -p "$port" -k "$sockets" -c listen_addresses=127.0.0.1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null' TERM INT
# wait returns early when a trapped signal arrives; wait again for postgres to finish.
wait $pid || true
wait $pid 2>/dev/null || true
