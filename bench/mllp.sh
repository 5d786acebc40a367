#!/usr/bin/env bash
# bench/mllp.sh [--messages N] [--connections C] [--keep]
# The MLLP listener's commit-ACK throughput on THIS machine against its own limit, in one invocation, in a throw-away
# RabbitMQ vhost (mllp_<pid>) on the local services (infra/services.sh):
#   amqp  C publishers send the N ORU^R01 bodies straight to the screening.hl7v2 exchange, one at a time each,
#         waiting for every publisher confirm;
#   mllp  C MLLP connections to `screening mllp` send the same bodies, one at a time each, waiting for every ACK
#         (the listener answers AA only after its own confirm from the broker).
# No worker consumes (both phases measure the path to "durable on the broker"); the queue is purged between phases,
# and the phases alternate in 4 rounds (a quarter of the bodies each) so a change of load hits both alike.
# Prints, as its LAST line: mllp: messages=.. connections=.. amqp_msgs_per_s=.. mllp_msgs_per_s=.. ratio=..
# Defaults: 100,000 messages over 8 connections.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MESSAGES=100000 CONNECTIONS=8 KEEP=0
while (($#)); do
  case $1 in
    --messages) MESSAGES=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/mllp: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '%s bench/mllp: %s\n' "$(date +%T)" "$*" >&2; }

"$ROOT/infra/services.sh" up
eval "$("$ROOT/infra/services.sh" env)"
NAME=mllp_$$
OUT=$ROOT/bench/.out; RUN=$OUT/run-$NAME; mkdir -p "$RUN"
MGMT=${SCREENING_RABBITMQ_MANAGEMENT:-http://screening:screening@127.0.0.1:15672}
MGMT_URL="${MGMT%%://*}://${MGMT#*@}"; MGMT_AUTH=${MGMT#*://}; MGMT_AUTH=${MGMT_AUTH%@*}
AMQP_USER=${SCREENING_AMQP#*://}; AMQP_USER=${AMQP_USER%%:*}

log "building screening and bench/MllpBench (Release)"
dotnet build "$ROOT/src/Screening.App/Screening.App.csproj" -c Release -o "$OUT/app" --nologo -v q >"$RUN/build.log" 2>&1 \
  || { cat "$RUN/build.log" >&2; exit 1; }
dotnet build "$ROOT/bench/MllpBench/MllpBench.csproj" -c Release -o "$OUT/mllpbench" --nologo -v q >>"$RUN/build.log" 2>&1 \
  || { cat "$RUN/build.log" >&2; exit 1; }

cleanup() {
  [[ -n ${LISTENER_PID:-} ]] && kill "$LISTENER_PID" 2>/dev/null && wait "$LISTENER_PID" 2>/dev/null || true
  if ((KEEP == 0)); then curl -s -u "$MGMT_AUTH" -X DELETE "$MGMT_URL/api/vhosts/$NAME" >/dev/null || true
  else log "kept vhost $NAME"; fi
}
trap cleanup EXIT
curl -sf -u "$MGMT_AUTH" -X PUT "$MGMT_URL/api/vhosts/$NAME" >/dev/null
curl -sf -u "$MGMT_AUTH" -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
  "$MGMT_URL/api/permissions/$NAME/$AMQP_USER" >/dev/null
export SCREENING_AMQP="${SCREENING_AMQP%/*}/$NAME"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$OUT/app/screening" mllp --port "$PORT" >"$RUN/listener.log" 2>&1 &
LISTENER_PID=$!
for _ in $(seq 1 100); do grep -q "MLLP listening" "$RUN/listener.log" && break; sleep 0.2; done
grep -q "MLLP listening" "$RUN/listener.log" || { cat "$RUN/listener.log" >&2; exit 1; }

log "$MESSAGES messages over $CONNECTIONS connections (listener on port $PORT, vhost $NAME)"
LINE=$("$OUT/mllpbench/mllpbench" --port "$PORT" --amqp "$SCREENING_AMQP" --messages "$MESSAGES" --connections "$CONNECTIONS")
kill "$LISTENER_PID"; wait "$LISTENER_PID" 2>/dev/null || true; LISTENER_PID=
tail -n 1 "$RUN/listener.log" | sed 's/^/listener: /' >&2
echo "$LINE"
