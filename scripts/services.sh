#!/usr/bin/env bash
# Install (from Debian packages) and start PostgreSQL, MariaDB and Redis on loopback with known logins.
# Idempotent: installs only what is missing, starts only what is not answering, (re)creates logins safely.
#
#   bash scripts/services.sh [start|stop|status|env]
#
# Logins (for tests only, loopback only):
#   postgresql://agentgen:agentgen@127.0.0.1:5432/agentgen   (may create databases)
#   mysql://agentgen:agentgen@127.0.0.1:3306/agentgen        (all privileges, so Django can create test_* databases)
#   redis://127.0.0.1:6379/0
set -euo pipefail

STATE=${AGENTGEN_SERVICES_DIR:-/var/tmp/agentgen-services}
PG_PORT=5432 MY_PORT=3306 REDIS_PORT=6379
USER_NAME=agentgen PASSWORD=agentgen DB_NAME=agentgen

log() { printf 'services: %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  command -v /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # policy-rc.d keeps the packages' own init scripts from starting servers we manage ourselves.
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  as_root rm -f /usr/sbin/policy-rc.d
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

# Servers refuse to run as root: run them as the unprivileged "postgres"/"mysql"/"redis" users the packages create.
run_as() { local who=$1; shift; if [ "$(id -u)" -eq 0 ]; then runuser -u "$who" -- "$@"; else "$@"; fi; }

start_postgres() {
  local bin data="$STATE/postgres"
  bin=$(pg_bin)
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then log "postgresql already up"; else
    as_root mkdir -p "$data" && as_root chown postgres:postgres "$STATE/postgres" && as_root chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      run_as postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    run_as postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k /tmp" start >/dev/null
    log "postgresql started"
  fi
  "$bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $USER_NAME' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
}

start_mariadb() {
  local data="$STATE/mariadb/data" run="$STATE/mariadb" sock="$STATE/mariadb/mariadb.sock"
  if mariadb-admin --protocol=tcp -h 127.0.0.1 -P "$MY_PORT" -u "$USER_NAME" -p"$PASSWORD" ping >/dev/null 2>&1; then
    log "mariadb already up"; return 0
  fi
  as_root mkdir -p "$data" && as_root chown -R mysql:mysql "$run"
  if [ ! -d "$data/mysql" ]; then
    run_as mysql mariadb-install-db --datadir="$data" --auth-root-authentication-method=socket >/dev/null 2>&1
  fi
  if ! mariadb-admin --socket="$sock" -u root ping >/dev/null 2>&1; then
    run_as mysql sh -c "nohup mariadbd --datadir='$data' --socket='$sock' --pid-file='$run/mariadb.pid' \
      --bind-address=127.0.0.1 --port=$MY_PORT --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --sql-mode=STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO \
      --log-error='$run/mariadb.log' >/dev/null 2>&1 &"
    for _ in $(seq 1 60); do mariadb-admin --socket="$sock" -u root ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  as_root mariadb --socket="$sock" -u root <<SQL
CREATE USER IF NOT EXISTS '$USER_NAME'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'localhost';
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
FLUSH PRIVILEGES;
SQL
  log "mariadb started"
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then log "redis already up"; return 0; fi
  as_root mkdir -p "$STATE/redis" && as_root chown redis:redis "$STATE/redis"
  run_as redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STATE/redis" --daemonize yes \
    --logfile "$STATE/redis/redis.log" --save "" --appendonly no
  for _ in $(seq 1 40); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
  log "redis started"
}

print_env() {
  cat <<ENV
export AGENTGEN_POSTGRES_URL=postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME
export AGENTGEN_MYSQL_URL=mysql://$USER_NAME:$PASSWORD@127.0.0.1:$MY_PORT/$DB_NAME
export AGENTGEN_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
ENV
}

status() {
  local rc=0
  "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && echo "postgresql: up" || { echo "postgresql: down"; rc=1; }
  mariadb-admin --protocol=tcp -h 127.0.0.1 -P "$MY_PORT" -u "$USER_NAME" -p"$PASSWORD" ping >/dev/null 2>&1 \
    && echo "mariadb: up" || { echo "mariadb: down"; rc=1; }
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && echo "redis: up" || { echo "redis: down"; rc=1; }
  return $rc
}

stop() {
  local bin; bin=$(pg_bin)
  [ -f "$STATE/postgres/postmaster.pid" ] && run_as postgres "$bin/pg_ctl" -D "$STATE/postgres" -m fast stop >/dev/null || true
  [ -S "$STATE/mariadb/mariadb.sock" ] && as_root mariadb-admin --socket="$STATE/mariadb/mariadb.sock" -u root shutdown || true
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  log "stopped"
}

case "${1:-start}" in
  start) install_packages; as_root mkdir -p "$STATE"; start_postgres; start_mariadb; start_redis; status ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 [start|stop|status|env]" >&2; exit 2 ;;
esac
