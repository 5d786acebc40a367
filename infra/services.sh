#!/usr/bin/env bash
# infra/services.sh up|status|down|env -- make PostgreSQL 15 and RabbitMQ 3.10 available for Screening.
#
#   up      Make both services available, in this order of preference (per service):
#             a) SCREENING_DB / SCREENING_AMQP set and reachable  -> use them, change nothing;
#             b) local services already up and provisioned        -> nothing to do (fast path, < 1 s);
#             c) a Docker engine answers                           -> docker compose up (docker-compose.yml);
#             d) root                                              -> apt-get install the Debian packages if
#                missing, start them, provision users/db/vhost/plugins, tune PostgreSQL;
#             e) otherwise print what to do and exit 1.
#   status  One line per service on stdout; exit 0 if all are up, 3 otherwise.
#   down    Stop what `up` started (Debian services or compose containers; data is kept).
#           `down --force` also stops local Debian services this script did not start.
#   env     Print `export ...` lines for SCREENING_DB, SCREENING_AMQP, SCREENING_RABBITMQ_MANAGEMENT:
#           the external values when set, else the local ones.  Use: eval "$(infra/services.sh env)"
#
# Messages go to stderr. Safe to run from any directory, repeatedly and concurrently (flock).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${SCREENING_SERVICES_STATE:-/tmp/screening-services$( ((EUID == 0)) || echo "-$EUID")}
COMPOSE_FILE=$ROOT/docker-compose.yml
PG_INIT_SQL=$ROOT/infra/postgres/initdb/10-screening.sql

# Loopback only: TLS between two processes on one machine protects nothing and cost the ingest ~12 % of its
# throughput (docs/performance.md). A database on another host keeps TLS: SSL Mode=Require or VerifyFull.
LOCAL_DB='Host=127.0.0.1;Port=5432;Username=screening;Password=screening;Database=screening;SSL Mode=Disable'
LOCAL_AMQP='amqp://screening:screening@127.0.0.1:5672/screening'
LOCAL_MGMT='http://screening:screening@127.0.0.1:15672'
APT_PACKAGES=(postgresql rabbitmq-server amqp-tools)
RABBIT_PLUGINS=(rabbitmq_management rabbitmq_consistent_hash_exchange)

# PostgreSQL tuning for a bulk-loading workload on a 24 GiB, 2-core machine. Applied once with
# ALTER SYSTEM (postgresql.auto.conf); reload only if something changed, restart only if a changed
# setting needs it (shared_buffers, max_connections). Values are as SHOW prints them, so they can be
# compared without superuser rights on the fast path (except wal_compression=on, shown as pglz).
#   shared_buffers 2GB        ~1/12 of RAM: the OS page cache does the rest for sequential bulk loads
#   work_mem 64MB             sorts/hashes of import joins stay in memory (per node, per connection)
#   maintenance_work_mem 1GB  fast CREATE INDEX / VACUUM after bulk loads
#   max_wal_size 8GB          + checkpoint_timeout 15min: fewer forced checkpoints during loads
#   wal_compression on        less WAL volume from full-page writes (CPU is cheaper than I/O here)
#   max_connections 200       app pool + Quartz + parallel test classes
# synchronous_commit stays ON (the default): turning it off can lose acknowledged commits, which is not
# acceptable for production data -- speed up loads with COPY/batching instead.
PG_TUNING=(shared_buffers=2GB work_mem=64MB maintenance_work_mem=1GB max_wal_size=8GB
           checkpoint_timeout=15min wal_compression=on max_connections=200)

log() { printf 'services.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- small helpers -----------------------------------------------------------------------------------
tcp_open() { timeout "${3:-1}" bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }
# Protocol-level probes for servers named in the environment (a bare TCP connect can succeed against a
# proxy or load balancer with nothing behind it).
pg_probe() { # host port
  if command -v pg_isready >/dev/null; then
    local rc=0; pg_isready -q -h "$1" -p "$2" -t 3 || rc=$?; ((rc != 2))  # 0 accepting, 1 rejecting: a server
  else tcp_open "$1" "$2" 3; fi
}
amqp_probe() { # host port scheme -- a broker answers the AMQP 0-9-1 header with a Connection.Start frame
  [[ $3 == amqps ]] && { tcp_open "$1" "$2" 3; return; }
  [[ $(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
        printf "AMQP\x00\x00\x09\x01" >&3; head -c 1 <&3 | od -An -tx1' _ "$1" "$2" 2>/dev/null) == *01* ]]
}
is_local_host() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 || $1 == '[::1]' ]]; }

# Npgsql connection string -> "host port" (first host of a list, default port 5432).
pg_target() {
  local part key val host='' port=5432
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    key=${part%%=*}; val=${part#*=}
    key=$(tr '[:upper:]' '[:lower:]' <<<"${key//[[:space:]]/}")
    case $key in host|server) host=${val%%,*}; host=${host%%:*} ;; port) port=$val ;; esac
  done
  echo "${host:-localhost} $port"
}
# amqp(s)://user:pass@host:port/vhost -> "host port user pass"
amqp_target() {
  local re='^(amqps?)://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+)(:([0-9]+))?'
  [[ $1 =~ $re ]] || die "SCREENING_AMQP is not an amqp:// URI"
  local port=${BASH_REMATCH[8]}
  [[ -n $port ]] || { [[ ${BASH_REMATCH[1]} == amqps ]] && port=5671 || port=5672; }
  echo "${BASH_REMATCH[6]} $port ${BASH_REMATCH[3]:-guest} ${BASH_REMATCH[5]:-guest}"
}

# GET on the local management API as screening; prints the body, succeeds on HTTP 200.
mgmt_get() {
  local auth resp
  auth=$(printf 'screening:screening' | base64)
  resp=$(timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/15672 || exit 1
    printf "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\nConnection: close\r\n\r\n" "$1" "$2" >&3
    cat <&3' _ "$1" "$auth" 2>/dev/null) || return 1
  [[ $resp == 'HTTP/1.1 200'* ]] || return 1
  printf '%s' "$resp"
}

# Daemons and the Erlang CLI (which may spawn epmd) must not inherit the lock fd 9, or the lock
# would stay held for as long as the daemon lives.
svc() { # svc NAME start|stop|restart
  if command -v service >/dev/null; then service "$1" "$2" >/dev/null 2>&1 9>&-
  else "/etc/init.d/$1" "$2" >/dev/null 2>&1 9>&-; fi
}
rabbitmqctl() { command rabbitmqctl "$@" 9>&-; }
rabbitmq-plugins() { command rabbitmq-plugins "$@" 9>&-; }
as_postgres() { (cd / && runuser -u postgres -- "$@" 9>&-); }
psql_super() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

docker_engine() { command -v docker >/dev/null && timeout 3 docker info >/dev/null 2>&1; }
# Compose v2 plugin, else the v1 docker-compose binary; COMPOSE stays empty when neither exists.
COMPOSE=()
find_compose() {
  if timeout 5 docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
  elif command -v docker-compose >/dev/null; then COMPOSE=(docker-compose)
  else return 1; fi
}
compose() { "${COMPOSE[@]}" -f "$COMPOSE_FILE" --project-directory "$ROOT" "$@" 9>&-; }

lock() { mkdir -p "$STATE_DIR"; exec 9>"$STATE_DIR/lock"; flock -w 900 9 || die "timed out waiting for $STATE_DIR/lock"; }
mark() { mkdir -p "$STATE_DIR"; echo "$2" >"$STATE_DIR/$1"; }
marked() { [[ -f $STATE_DIR/$1 ]] && cat "$STATE_DIR/$1"; }

# --- which services need a local instance? -----------------------------------------------------------
# Sets EXT_PG / EXT_MQ to 1 when the environment points at a reachable server we must use as-is.
# A variable pointing at 127.0.0.1 on the default port that does not answer is treated as "local,
# not started yet" (e.g. a shell that eval'ed `env` in an earlier session).
classify() {
  EXT_PG=0; EXT_MQ=0
  local host port rest
  if [[ -n ${SCREENING_DB:-} ]]; then
    read -r host port <<<"$(pg_target "$SCREENING_DB")"
    if pg_probe "$host" "$port"; then EXT_PG=1
    elif ! { is_local_host "$host" && [[ $port == 5432 ]]; }; then
      die "SCREENING_DB points at $host:$port, which does not accept connections (unset it to use local services)"
    fi
  fi
  if [[ -n ${SCREENING_AMQP:-} ]]; then
    read -r host port rest <<<"$(amqp_target "$SCREENING_AMQP")"
    if amqp_probe "$host" "$port" "${SCREENING_AMQP%%:*}"; then EXT_MQ=1
    elif ! { is_local_host "$host" && [[ $port == 5672 ]]; }; then
      die "SCREENING_AMQP points at $host:$port, which does not accept connections (unset it to use local services)"
    fi
  fi
}

# --- fast checks: local services up AND provisioned --------------------------------------------------
# SHOW prints wal_compression=on as its PG15 meaning, pglz
pg_shown() { [[ $1 == wal_compression=on ]] && echo wal_compression=pglz || echo "$1"; }
pg_expected() { local kv out=''; for kv in "${PG_TUNING[@]}"; do out+="$(pg_shown "$kv") "; done; echo "${out}pending_restart=false signal=true"; }
pg_actual() { # as screening over TCP: proves the role, password, database and tuning in one round trip
  local names=() kv
  for kv in "${PG_TUNING[@]}"; do names+=("'${kv%%=*}'"); done
  local IFS=,
  PGPASSWORD=screening PGCONNECT_TIMEOUT=3 psql -X -At -h 127.0.0.1 -p 5432 -U screening -d screening -c \
    "SELECT string_agg(name || '=' || current_setting(name), ' ' ORDER BY array_position(ARRAY[${names[*]}]::text[], name::text))
            || ' pending_restart=' || bool_or(pending_restart)
            || ' signal=' || pg_has_role(current_user, 'pg_signal_backend', 'member')
       FROM pg_settings WHERE name IN (${names[*]})" 2>/dev/null
}
pg_ready() {
  tcp_open 127.0.0.1 5432 || return 1
  command -v psql >/dev/null || return 0   # compose on a machine without the client: port is enough
  [[ $(pg_actual) == "$(pg_expected)" ]]
}
mq_ready() {
  tcp_open 127.0.0.1 5672 || return 1
  local overview
  overview=$(mgmt_get /api/overview) || return 1                      # user, password, tag, management
  [[ $overview == *x-consistent-hash* ]] || return 1                  # consistent-hash plugin
  mgmt_get /api/permissions/screening/screening >/dev/null            # vhost + permissions
}

# --- Debian packages ---------------------------------------------------------------------------------
apt_install_missing() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (apt-get) ..."
  # C.UTF-8: the cluster the postgresql package creates takes its encoding from the locale (else SQL_ASCII)
  export DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8
  apt-get update -qq >/dev/null || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

debian_pg_up() {
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    log "postgres: no cluster found, creating one (pg_createcluster)"
    LANG=C.UTF-8 LC_ALL=C.UTF-8 pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main >/dev/null
  fi
  if ! as_postgres pg_isready -q -h 127.0.0.1 -p 5432; then
    log "postgres: starting (service postgresql start)"
    svc postgresql start || die "service postgresql start failed; see /var/log/postgresql/"
    mark postgres debian
    local i
    for i in $(seq 60); do as_postgres pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
    as_postgres pg_isready -q -h 127.0.0.1 -p 5432 || die "postgres did not accept connections within 30 s; see /var/log/postgresql/"
  fi
  # role + database
  psql_super -f - <"$PG_INIT_SQL" >/dev/null || die "postgres: provisioning role/database failed"
  # tuning: ALTER SYSTEM only what differs, reload if anything changed, restart only if required
  local kv name want have changed=0
  for kv in "${PG_TUNING[@]}"; do
    name=${kv%%=*}; want=${kv#*=}
    have=$(psql_super -At -c "SHOW $name")
    if [[ "$name=$have" != "$(pg_shown "$kv")" ]]; then
      log "postgres: ALTER SYSTEM SET $name = '$want' (was $have)"
      psql_super -c "ALTER SYSTEM SET $name = '$want'" >/dev/null
      changed=1
    fi
  done
  if ((changed)); then
    psql_super -c 'SELECT pg_reload_conf()' >/dev/null
    sleep 0.3
    if [[ $(psql_super -At -c 'SELECT bool_or(pending_restart) FROM pg_settings') == t ]]; then
      log "postgres: restarting to apply shared_buffers/max_connections"
      svc postgresql restart || die "service postgresql restart failed; see /var/log/postgresql/"
      local i
      for i in $(seq 60); do as_postgres pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
    fi
  fi
  pg_ready || die "postgres: up but the screening login or the tuning check failed: got '$(pg_actual)', want '$(pg_expected)'"
}

debian_mq_up() {
  local host; host=$(hostname -s)
  getent hosts "$host" >/dev/null || log "warning: hostname '$host' does not resolve; RabbitMQ (node rabbit@$host) needs it -- add it to /etc/hosts"
  local plugins_file=/etc/rabbitmq/enabled_plugins missing_plugins=() p
  for p in "${RABBIT_PLUGINS[@]}"; do grep -qs "$p" "$plugins_file" || missing_plugins+=("$p"); done
  if ! tcp_open 127.0.0.1 5672; then
    # enabling offline before the start avoids a second, slower online plugin activation
    if ((${#missing_plugins[@]})); then
      rabbitmq-plugins -q enable --offline "${missing_plugins[@]}" >/dev/null || die "rabbitmq-plugins enable failed"
      missing_plugins=()
    fi
    log "rabbitmq: starting (service rabbitmq-server start)"
    svc rabbitmq-server start || die "service rabbitmq-server start failed; see /var/log/rabbitmq/"
    mark rabbitmq debian
  fi
  rabbitmqctl -q await_startup --timeout 120 >/dev/null || die "rabbitmq did not start within 120 s; see /var/log/rabbitmq/"
  if ((${#missing_plugins[@]})); then
    log "rabbitmq: enabling ${missing_plugins[*]}"
    rabbitmq-plugins -q enable "${missing_plugins[@]}" >/dev/null || die "rabbitmq-plugins enable failed"
  fi
  if ! mq_ready; then
    log "rabbitmq: provisioning user/vhost screening"
    if rabbitmqctl -q list_users 2>/dev/null | awk '{print $1}' | grep -qx screening; then
      rabbitmqctl -q change_password screening screening >/dev/null
    else
      rabbitmqctl -q add_user screening screening >/dev/null
    fi
    rabbitmqctl -q set_user_tags screening administrator >/dev/null
    rabbitmqctl -q list_vhosts 2>/dev/null | grep -qx screening || rabbitmqctl -q add_vhost screening >/dev/null
    rabbitmqctl -q set_permissions -p screening screening '.*' '.*' '.*' >/dev/null
  fi
  local i
  for i in $(seq 60); do mq_ready && return 0; sleep 0.5; done  # management listener comes up last
  die "rabbitmq: running, but the management API check on 127.0.0.1:15672 failed (user/vhost/plugins)"
}

compose_up() {
  local svcs=("$@") s id i health
  log "docker engine found: ${COMPOSE[*]} up -d ${svcs[*]}"
  compose up -d "${svcs[@]}" >&2 || die "${COMPOSE[*]} up failed (see: ${COMPOSE[*]} -f $COMPOSE_FILE logs ${svcs[*]})"
  mark compose "$COMPOSE_FILE"
  for s in "${svcs[@]}"; do                # wait for the healthchecks (works with compose v1 and v2)
    id=$(compose ps -q "$s")
    for i in $(seq 180); do
      health=$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null || echo missing)
      [[ $health == healthy ]] && break
      sleep 1
    done
    [[ $health == healthy ]] || die "$s container not healthy after 180 s (status: $health; see: ${COMPOSE[*]} -f $COMPOSE_FILE logs $s)"
  done
}

instructions() {
  cat >&2 <<EOF
services.sh: cannot provide PostgreSQL/RabbitMQ here: SCREENING_DB/SCREENING_AMQP not set (or not
reachable), no Docker engine answers, and not root. Do ONE of:
  1. Point at existing servers (role with CREATEDB; RabbitMQ user with the administrator tag,
     full permissions on the vhost, plugins rabbitmq_management and rabbitmq_consistent_hash_exchange):
       export SCREENING_DB='Host=HOST;Port=5432;Username=USER;Password=PASS;Database=screening'
       export SCREENING_AMQP='amqp://USER:PASS@HOST:5672/VHOST'
       export SCREENING_RABBITMQ_MANAGEMENT='http://USER:PASS@HOST:15672'
  2. Start a Docker engine, then re-run: $ROOT/infra/services.sh up
  3. As root (Debian/Ubuntu):  sudo $ROOT/infra/services.sh up
     (installs ${APT_PACKAGES[*]}, starts and provisions them)
EOF
  exit 1
}

# --- verbs -------------------------------------------------------------------------------------------
cmd_up() {
  classify
  local need=()
  ((EXT_PG)) && log "postgres: using SCREENING_DB ($(pg_target "$SCREENING_DB" | tr ' ' :))" || need+=(postgres)
  ((EXT_MQ)) && log "rabbitmq: using SCREENING_AMQP ($(amqp_target "$SCREENING_AMQP" | cut -d' ' -f1,2 | tr ' ' :))" || need+=(rabbitmq)
  ((${#need[@]})) || return 0

  # fast path without the lock: everything needed is already up and provisioned
  local ok=1 s
  for s in "${need[@]}"; do
    case $s in postgres) pg_ready || ok=0 ;; rabbitmq) mq_ready || ok=0 ;; esac
  done
  ((ok)) && { log "${need[*]}: already up (127.0.0.1)"; return 0; }

  lock
  local use_compose=0
  if docker_engine; then
    if [[ -f $COMPOSE_FILE ]] && find_compose; then
      # No image registry may answer (then the engine is only there for the fault suite: infra/docker.sh):
      # compose only when its images are already present, else the Debian services below.
      if docker image inspect postgres:15 rabbitmq:3.10-management >/dev/null 2>&1; then use_compose=1
      else log "docker engine answers, but the compose images (postgres:15, rabbitmq:3.10-management) are not present: not using compose"; fi
    else log "docker engine answers, but no compose (docker compose / docker-compose) or no $COMPOSE_FILE"; fi
  fi
  if ((use_compose)); then
    compose_up "${need[@]}"
  elif ((EUID == 0)); then
    apt_install_missing
    for s in "${need[@]}"; do
      case $s in postgres) debian_pg_up ;; rabbitmq) debian_mq_up ;; esac
    done
  else
    instructions
  fi
  log "${need[*]}: up (127.0.0.1)"
}

cmd_status() {
  local rc=0 host port rest where
  if [[ -n ${SCREENING_DB:-} ]] && read -r host port <<<"$(pg_target "$SCREENING_DB")" && ! { is_local_host "$host" && [[ $port == 5432 ]]; }; then
    pg_probe "$host" "$port" && echo "postgres  up    $host:$port (external, SCREENING_DB)" \
                               || { echo "postgres  down  $host:$port (external, SCREENING_DB)"; rc=3; }
  else
    where="127.0.0.1:5432 ($(marked compose >/dev/null && echo compose || echo 'debian service postgresql'))"
    if pg_ready; then echo "postgres  up    $where"
    elif tcp_open 127.0.0.1 5432; then echo "postgres  up    $where, NOT provisioned/tuned (run: infra/services.sh up)"; rc=3
    else echo "postgres  down  $where"; rc=3; fi
  fi
  if [[ -n ${SCREENING_AMQP:-} ]] && read -r host port rest <<<"$(amqp_target "$SCREENING_AMQP")" && ! { is_local_host "$host" && [[ $port == 5672 ]]; }; then
    amqp_probe "$host" "$port" "${SCREENING_AMQP%%:*}" && echo "rabbitmq  up    $host:$port (external, SCREENING_AMQP)" \
                               || { echo "rabbitmq  down  $host:$port (external, SCREENING_AMQP)"; rc=3; }
  else
    where="127.0.0.1:5672, management 127.0.0.1:15672 ($(marked compose >/dev/null && echo compose || echo 'debian service rabbitmq-server'))"
    if mq_ready; then echo "rabbitmq  up    $where"
    elif tcp_open 127.0.0.1 5672; then echo "rabbitmq  up    $where, NOT provisioned (run: infra/services.sh up)"; rc=3
    else echo "rabbitmq  down  $where"; rc=3; fi
  fi
  return $rc
}

cmd_down() {
  local force=0; [[ ${1:-} == --force ]] && force=1
  lock
  if marked compose >/dev/null; then
    if docker_engine && find_compose; then log "${COMPOSE[*]} stop postgres rabbitmq"; compose stop postgres rabbitmq >&2; fi
    rm -f "$STATE_DIR/compose"
  fi
  local s name
  for s in rabbitmq postgres; do
    [[ $s == postgres ]] && name=postgresql || name=rabbitmq-server
    if [[ $(marked "$s") == debian ]] || { ((force)) && [[ -x /etc/init.d/$name ]]; }; then
      ((EUID == 0)) || die "stopping $name needs root"
      log "$s: stopping (service $name stop)"
      svc "$name" stop || log "warning: service $name stop failed"
      rm -f "$STATE_DIR/$s"
    elif [[ -x /etc/init.d/$name ]] && { [[ $s == postgres ]] && tcp_open 127.0.0.1 5432 || { [[ $s == rabbitmq ]] && tcp_open 127.0.0.1 5672; }; }; then
      log "$s: left running (not started by services.sh; use 'down --force')"
    fi
  done
}

sq() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
cmd_env() {
  local db=${SCREENING_DB:-$LOCAL_DB} amqp=${SCREENING_AMQP:-$LOCAL_AMQP} mgmt=${SCREENING_RABBITMQ_MANAGEMENT:-}
  if [[ -z $mgmt ]]; then
    if [[ -n ${SCREENING_AMQP:-} ]]; then
      local host port user pass
      read -r host port user pass <<<"$(amqp_target "$SCREENING_AMQP")"
      mgmt="http://$user:$pass@$host:15672"
    else
      mgmt=$LOCAL_MGMT
    fi
  fi
  echo "export SCREENING_DB=$(sq "$db")"
  echo "export SCREENING_AMQP=$(sq "$amqp")"
  echo "export SCREENING_RABBITMQ_MANAGEMENT=$(sq "$mgmt")"
}

case ${1:-} in
  up) cmd_up ;;
  status) cmd_status ;;
  down) shift; cmd_down "$@" ;;
  env) cmd_env ;;
  *) echo "usage: ${0##*/} up|status|down [--force]|env" >&2; exit 2 ;;
esac
