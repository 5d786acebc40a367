# Sourced by bench/run.sh and bench/faults.sh: a throw-away database and RabbitMQ vhost named $NAME on the local
# services (infra/services.sh), and helpers. Needs ROOT, NAME, KEEP and a log function.
"$ROOT/infra/services.sh" up
eval "$("$ROOT/infra/services.sh" env)"
PG_ADMIN=${SCREENING_DB}
MGMT=${SCREENING_RABBITMQ_MANAGEMENT:-http://screening:screening@127.0.0.1:15672}
MGMT_URL="${MGMT%%://*}://${MGMT#*@}"; MGMT_AUTH=${MGMT#*://}; MGMT_AUTH=${MGMT_AUTH%@*}
pg_param() { tr ';' '\n' <<<"$PG_ADMIN" | awk -F= -v k="$1" 'tolower($1)==tolower(k){print $2}'; }
export PGHOST=$(pg_param Host) PGPORT=$(pg_param Port) PGUSER=$(pg_param Username) PGPASSWORD=$(pg_param Password)
psqlq() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "${1}" -c "$2"; }

# Drops the database and vhost unless --keep (call from the caller's EXIT trap).
drop_own_services() {
  if ((KEEP == 0)); then
    psqlq "$(pg_param Database)" "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1 || log "could not drop database $NAME (drop it by hand)"
    curl -s -u "$MGMT_AUTH" -X DELETE "$MGMT_URL/api/vhosts/$NAME" >/dev/null || true
  else log "kept database and vhost $NAME"; fi
}

# Creates the database and vhost; points SCREENING_DB / SCREENING_AMQP at them (extra connection-string settings in $1).
create_own_services() {
  psqlq "$(pg_param Database)" "CREATE DATABASE $NAME"
  curl -sf -u "$MGMT_AUTH" -X PUT "$MGMT_URL/api/vhosts/$NAME" >/dev/null
  curl -sf -u "$MGMT_AUTH" -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
    "$MGMT_URL/api/permissions/$NAME/$PGUSER" >/dev/null
  local ssl_mode
  ssl_mode=$(pg_param "SSL Mode")
  export SCREENING_DB="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$NAME${1:+;$1}${ssl_mode:+;SSL Mode=$ssl_mode}"
  export SCREENING_AMQP="${SCREENING_AMQP%/*}/$NAME"
}
