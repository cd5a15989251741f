#!/usr/bin/env bash
# Private PostgreSQL, MariaDB and Redis on loopback for agentgen's tests and benchmark, from the Debian packages
# (installed when missing). They run from a state folder of their own, on ports of their own, with logins of their
# own, and this script never connects to, reconfigures or stops a server it did not start: a server is ours when
# the pid file in our state folder names a live process that runs from that folder, whatever else answers on a port.
#
#   bash scripts/services.sh start    install what is missing, start what of ours is not up (safe to run again);
#                                     one line and exit 1 when one of our ports is taken by someone else
#   bash scripts/services.sh stop     stop our servers, nothing else
#   bash scripts/services.sh status   which servers are up and whose; exit 1 when one of ours is down
#   bash scripts/services.sh env      export lines for the URLs below: eval "$(bash scripts/services.sh env)"
#
# Settings, from the environment:
#   AGENTGEN_SERVICES_DIR       the state folder (data, pid files, logs)  default /var/tmp/agentgen-test-services
#   AGENTGEN_POSTGRES_PORT      our PostgreSQL's port on 127.0.0.1         default 55432
#   AGENTGEN_MYSQL_PORT         our MariaDB's port on 127.0.0.1            default 53306
#   AGENTGEN_REDIS_PORT         our Redis's port on 127.0.0.1              default 56379
#   AGENTGEN_SERVICES_PASSWORD  the password of our logins                 default agentgen
#   AGENTGEN_POSTGRES_URL, AGENTGEN_MYSQL_URL, AGENTGEN_REDIS_URL
#                               opt-in to an existing server instead of ours: that one is neither started nor
#                               touched here, `env` passes the URL on and the tests use it (its user must be able
#                               to create databases)
#
# Our logins (loopback only; password authentication on TCP):
#   postgresql://agentgen:agentgen@127.0.0.1:55432/agentgen   may create databases; the superuser "postgres" only
#                                                             through the socket in the state folder (peer)
#   mysql://agentgen:agentgen@127.0.0.1:53306/agentgen        all privileges, so Django can create test_* databases;
#                                                             root only for the system's root, through the socket
#                                                             in the state folder
#   redis://default:agentgen@127.0.0.1:56379/0                requirepass
#
# Servers that earlier versions of this script started (on 5432, 3306 and 6379, from /var/tmp/agentgen-services)
# are not ours either: they are left alone; stop them by hand when nobody needs them.
set -euo pipefail
cd /

STATE=${AGENTGEN_SERVICES_DIR:-/var/tmp/agentgen-test-services}
PG_PORT=${AGENTGEN_POSTGRES_PORT:-55432}
MY_PORT=${AGENTGEN_MYSQL_PORT:-53306}
REDIS_PORT=${AGENTGEN_REDIS_PORT:-56379}
PASSWORD=${AGENTGEN_SERVICES_PASSWORD:-agentgen}
USER_NAME=agentgen DB_NAME=agentgen
KINDS=(postgresql mariadb redis)

log() { printf 'services: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[[ $STATE =~ ^/[A-Za-z0-9._/-]+$ ]] || die "AGENTGEN_SERVICES_DIR must be an absolute path of letters, digits and ._/- (got '$STATE')"
for port in "$PG_PORT" "$MY_PORT" "$REDIS_PORT"; do
  if ! [[ $port =~ ^[0-9]{1,5}$ ]] || ((10#$port == 0 || 10#$port > 65535)); then die "not a TCP port: '$port'"; fi
done
PG_PORT=$((10#$PG_PORT)) MY_PORT=$((10#$MY_PORT)) REDIS_PORT=$((10#$REDIS_PORT))
[[ $PASSWORD =~ ^[A-Za-z0-9._~-]+$ ]] || die "AGENTGEN_SERVICES_PASSWORD may hold only letters, digits and ._~-"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# Servers refuse to run as root: they run as the unprivileged "postgres"/"mysql"/"redis" users the packages create.
run_as() { local who=$1; shift; if [ "$(id -u)" -eq 0 ]; then runuser -u "$who" -- "$@"; else sudo -u "$who" -- "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

# Per kind: the variable that opts in to someone else's server, our port, the default port of that kind of server,
# our folder, our pid file, and what the command line of our process names (data dir or config file).
url_var() { case $1 in postgresql) echo AGENTGEN_POSTGRES_URL ;; mariadb) echo AGENTGEN_MYSQL_URL ;; redis) echo AGENTGEN_REDIS_URL ;; esac; }
our_port() { case $1 in postgresql) echo "$PG_PORT" ;; mariadb) echo "$MY_PORT" ;; redis) echo "$REDIS_PORT" ;; esac; }
port_var() { case $1 in postgresql) echo AGENTGEN_POSTGRES_PORT ;; mariadb) echo AGENTGEN_MYSQL_PORT ;; redis) echo AGENTGEN_REDIS_PORT ;; esac; }
default_port() { case $1 in postgresql) echo 5432 ;; mariadb) echo 3306 ;; redis) echo 6379 ;; esac; }
dir_of() { case $1 in postgresql) echo "$STATE/postgres" ;; mariadb) echo "$STATE/mariadb" ;; redis) echo "$STATE/redis" ;; esac; }
pid_file() { case $1 in postgresql) echo "$STATE/postgres/postgres.pid" ;; mariadb) echo "$STATE/mariadb/mariadb.pid" ;; redis) echo "$STATE/redis/redis.pid" ;; esac; }
cmdline_mark() {
  case $1 in postgresql) echo "-D $STATE/postgres/data" ;; mariadb) echo "--datadir=$STATE/mariadb/data" ;; redis) echo "$STATE/redis/redis.conf" ;; esac
}

external() { local var; var=$(url_var "$1"); [ -n "${!var:-}" ]; }

# The pid of our server of this kind, or nothing: the pid file in our state folder must name a live process whose
# command line names our data dir or config file (a stale pid file, or a pid reused by another process, is not ours).
our_pid() {
  local file pid args
  file=$(pid_file "$1")
  [ -r "$file" ] || return 0
  pid=$(head -n 1 "$file" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  args=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) || return 0  # the process may be gone
  [[ " $args " == *" $(cmdline_mark "$1") "* ]] && echo "$pid"
  return 0
}

# The port our running server was started on (recorded at start).
running_port() { cat "$(dir_of "$1")/port" 2>/dev/null || echo "?"; }

# Does any process listen on this TCP port, on any address? Read from /proc/net: no connection is made.
listening() {
  local files=() file
  for file in /proc/net/tcp /proc/net/tcp6; do [ -r "$file" ] && files+=("$file"); done
  awk -v p="$(printf ':%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' \
    "${files[@]}"
}

# The host:port of a URL, for messages (never its password).
url_where() { local rest=${1#*://}; rest=${rest##*@}; echo "${rest%%/*}"; }

install_packages() {
  local missing=()
  if external postgresql; then command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  else compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql); fi
  if external mariadb; then command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
  else [ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server); fi
  external redis || command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # A policy-rc.d that says no keeps the packages' own init scripts from starting servers on the default ports; one
  # the machine already has stays as it is.
  local policy=/usr/sbin/policy-rc.d ours_policy=0
  if [ ! -e "$policy" ]; then
    as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > "$1" && chmod +x "$1"' sh "$policy" && ours_policy=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { [ $ours_policy -eq 1 ] && as_root rm -f "$policy"; die "apt-get install ${missing[*]} failed"; }
  [ $ours_policy -eq 1 ] && as_root rm -f "$policy"
  return 0
}

# Before starting anything: each of our ports is free, or ours already runs there.
preflight() {
  local kind port pid running
  for kind in "${KINDS[@]}"; do
    external "$kind" && continue
    port=$(our_port "$kind") pid=$(our_pid "$kind")
    if [ -n "$pid" ]; then
      running=$(running_port "$kind")
      [ "$running" = "$port" ] \
        || die "$kind: ours runs on port $running, not $port ($(port_var "$kind")); run \`bash scripts/services.sh stop\` first"
    elif listening "$port"; then
      die "$kind: port $port is taken by a server that is not ours (not started from $STATE); left alone. Set $(port_var "$kind") to a free port, or $(url_var "$kind") to use that server"
    fi
  done
}

start_postgresql() {
  local bin dir data
  bin=$(pg_bin) dir=$(dir_of postgresql) data=$(dir_of postgresql)/data
  if [ -n "$(our_pid postgresql)" ]; then log "postgresql: already up (ours, port $PG_PORT)"; else
    as_root install -d -m 755 -o postgres -g postgres "$dir"
    if ! run_as postgres test -f "$data/PG_VERSION"; then
      run_as postgres "$bin/initdb" -D "$data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    echo "$PG_PORT" | run_as postgres tee "$dir/port" >/dev/null
    # The socket lives in the data folder (mode 700): only the postgres user reaches the superuser.
    run_as postgres "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
      -p $PG_PORT -c unix_socket_directories=$data -c external_pid_file=$dir/postgres.pid" start >/dev/null \
      || die "postgresql did not start; see $dir/server.log"
    log "postgresql: started (ours, port $PG_PORT)"
  fi
  run_as postgres "$bin/psql" -X -q -h "$data" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN CREATE ROLE $USER_NAME; END IF;
END \$\$;
ALTER ROLE $USER_NAME WITH LOGIN CREATEDB NOSUPERUSER PASSWORD '$PASSWORD';
SELECT 'CREATE DATABASE $DB_NAME OWNER $USER_NAME' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
}

start_mariadb() {
  local dir data sock pid out
  dir=$(dir_of mariadb) data=$(dir_of mariadb)/data sock=$(dir_of mariadb)/mariadb.sock
  if [ -n "$(our_pid mariadb)" ]; then log "mariadb: already up (ours, port $MY_PORT)"; else
    as_root install -d -m 755 -o mysql -g mysql "$dir"
    if ! run_as mysql test -d "$data/mysql"; then
      out=$(run_as mysql mariadb-install-db --no-defaults --datadir="$data" --auth-root-authentication-method=socket \
        --skip-test-db 2>&1) || die "mariadb-install-db failed: $(tail -n 1 <<<"$out")"
    fi
    echo "$MY_PORT" | run_as mysql tee "$dir/port" >/dev/null
    # --no-defaults: nothing from /etc/mysql, which configures the machine's own server. UMASK=0644 (the mode of new
    # files): its pid file must be readable by anyone who asks whether it is ours.
    run_as mysql env UMASK=0644 sh -c 'nohup "$@" >/dev/null 2>&1 &' sh mariadbd --no-defaults --datadir="$data" --socket="$sock" \
      --pid-file="$dir/mariadb.pid" --log-error="$dir/mariadb.log" --bind-address=127.0.0.1 --port="$MY_PORT" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --sql-mode=STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO
    for _ in $(seq 1 120); do
      [ -n "$(our_pid mariadb)" ] && as_root mariadb-admin --no-defaults --socket="$sock" -u root ping >/dev/null 2>&1 \
        && break
      sleep 0.5
    done
    pid=$(our_pid mariadb)
    [ -n "$pid" ] || die "mariadb did not start; see $dir/mariadb.log"
    log "mariadb: started (ours, port $MY_PORT)"
  fi
  as_root mariadb --no-defaults --socket="$sock" -u root <<SQL
CREATE USER IF NOT EXISTS '$USER_NAME'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
ALTER USER '$USER_NAME'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
ALTER USER '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'localhost';
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
FLUSH PRIVILEGES;
SQL
}

start_redis() {
  local dir
  dir=$(dir_of redis)
  if [ -n "$(our_pid redis)" ]; then log "redis: already up (ours, port $REDIS_PORT)"; return 0; fi
  as_root install -d -m 755 -o redis -g redis "$dir"
  # The config file holds the password (mode 600) and names itself in the process title: that is how we know it.
  run_as redis sh -c 'umask 077 && cat >"$1"' sh "$dir/redis.conf" <<CONF
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
requirepass $PASSWORD
dir $dir
pidfile $dir/redis.pid
logfile $dir/redis.log
daemonize yes
save ""
appendonly no
proc-title-template "{title} {listen-addr} {server-mode} {config-file}"
CONF
  echo "$REDIS_PORT" | run_as redis tee "$dir/port" >/dev/null
  run_as redis redis-server "$dir/redis.conf" || die "redis did not start; see $dir/redis.log"
  for _ in $(seq 1 40); do
    [ -n "$(our_pid redis)" ] && [ "$(REDISCLI_AUTH=$PASSWORD redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] \
      && break
    sleep 0.25
  done
  [ -n "$(our_pid redis)" ] || die "redis did not start; see $dir/redis.log"
  log "redis: started (ours, port $REDIS_PORT)"
}

start() {
  local kind
  install_packages
  preflight
  as_root install -d -m 755 "$STATE"
  for kind in "${KINDS[@]}"; do
    if external "$kind"; then
      log "$kind: not started here; $(url_var "$kind") points at $(url_where "$(printenv "$(url_var "$kind")")")"
    else
      "start_$kind"
    fi
  done
  status
}

stop() {
  local kind pid stopping=()
  for kind in "${KINDS[@]}"; do  # ask all of ours to stop, then wait for them together
    pid=$(our_pid "$kind")
    if [ -z "$pid" ]; then log "$kind: not running (ours)"; continue; fi
    if [ "$kind" = postgresql ]; then
      run_as postgres "$(pg_bin)/pg_ctl" -D "$(dir_of postgresql)/data" -m fast -W stop >/dev/null
    else
      as_root kill -TERM "$pid"
    fi
    stopping+=("$kind:$pid")
  done
  for kind in "${stopping[@]}"; do
    pid=${kind#*:} kind=${kind%%:*}
    for _ in $(seq 1 300); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
    [ -d "/proc/$pid" ] && die "$kind (pid $pid) did not stop within a minute"
    log "$kind: stopped (ours, port $(running_port "$kind"))"
  done
}

status() {
  local rc=0 kind var port pid default
  for kind in "${KINDS[@]}"; do
    port=$(our_port "$kind") default=$(default_port "$kind")
    if external "$kind"; then
      var=$(url_var "$kind")
      echo "$kind: not managed here ($var points at $(url_where "${!var}"))"
      continue
    fi
    if pid=$(our_pid "$kind") && [ -n "$pid" ]; then
      port=$(running_port "$kind")
      echo "$kind: up (ours, port $port, pid $pid, $(dir_of "$kind"))"
    elif listening "$port"; then
      echo "$kind: down; port $port: someone else's"
      rc=1
    else
      echo "$kind: down (ours would run on port $port)"
      rc=1
    fi
    [ "$default" != "$port" ] && listening "$default" && echo "port $default: someone else's (left alone)"
  done
  return $rc
}

print_env() {
  printf 'export AGENTGEN_POSTGRES_URL=%q\n' "${AGENTGEN_POSTGRES_URL:-postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME}"
  printf 'export AGENTGEN_MYSQL_URL=%q\n' "${AGENTGEN_MYSQL_URL:-mysql://$USER_NAME:$PASSWORD@127.0.0.1:$MY_PORT/$DB_NAME}"
  printf 'export AGENTGEN_REDIS_URL=%q\n' "${AGENTGEN_REDIS_URL:-redis://default:$PASSWORD@127.0.0.1:$REDIS_PORT/0}"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 [start|stop|status|env]" >&2; exit 2 ;;
esac
