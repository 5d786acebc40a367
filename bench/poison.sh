#!/usr/bin/env bash
# bench/poison.sh [--good N] [--bad N] [--timeout S] [--app DIR] [--keep]
# Fault scenarios against a real `screening worker` on a throw-away database (faults_<pid>) and RabbitMQ vhost
# (faults_<pid>) of the local services (infra/services.sh). One line per scenario on stdout:
#   fault: NAME sent=.. stored=.. rejects=.. lost=.. duplicated=.. error_queue=.. recovery_s=..
# Scenarios (issue 13; the container fault suite covers kills and stops):
#   poison   N malformed messages interleaved with N good results on screening.results (default 1,000 + 1,000):
#            nulls in loinc / sourceSystem / status / patientId, a missing resultId, wrong types (value, collectedAt),
#            bodies that are not JSON, invalid UTF-8, 20 KB resultIds — each body distinct.
#            stored = distinct good results in lab_result; rejects = rows in rejected_message; lost = sent - stored - rejects;
#            duplicated = lab_result rows beyond one per good result; error_queue = messages in screening.results_error;
#            recovery_s = first publish → stored + rejects == sent (or --timeout, then lost > 0).
# --app DIR: a built screening (e.g. of another commit, to measure before/after); default: build this tree.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GOOD=1000 BAD=1000 TIMEOUT=600 APP_DIR="" KEEP=0
while (($#)); do
  case $1 in
    --good) GOOD=$2; shift ;;
    --bad) BAD=$2; shift ;;
    --timeout) TIMEOUT=$2; shift ;;
    --app) APP_DIR=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "faults: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '%s faults: %s\n' "$(date +%T)" "$*" >&2; }

NAME=faults_$$
OUT=$ROOT/bench/.out; RUN=$OUT/run-$NAME; mkdir -p "$RUN"
source "$ROOT/bench/own-services.sh"

if [[ -z $APP_DIR ]]; then
  log "building screening (Release)"
  dotnet build "$ROOT/src/Screening.App/Screening.App.csproj" -c Release -o "$OUT/app" --nologo -v q >"$RUN/build.log" 2>&1 \
    || { cat "$RUN/build.log" >&2; exit 1; }
  APP_DIR=$OUT/app
fi
APP=$APP_DIR/screening

WORKER_PID=""
cleanup() {
  [[ -n $WORKER_PID ]] && kill "$WORKER_PID" 2>/dev/null && wait "$WORKER_PID" 2>/dev/null || true
  drop_own_services
}
trap cleanup EXIT
create_own_services
export SCREENING_Schedule__Enabled=false
"$APP" migrate >"$RUN/migrate.log" 2>&1 || { cat "$RUN/migrate.log" >&2; exit 1; }

PORT=$((5800 + $$ % 150))
"$APP" worker --urls "http://127.0.0.1:$PORT" >"$RUN/worker.log" 2>&1 &
WORKER_PID=$!
for _ in $(seq 1 240); do grep -q "Application started" "$RUN/worker.log" && break; sleep 0.5; done
grep -q "Application started" "$RUN/worker.log" || { log "worker did not start"; tail -20 "$RUN/worker.log" >&2; exit 1; }

# --- poison --------------------------------------------------------------------------------------------------
export LC_ALL=C
good() { printf '{"sourceSystem":"bench-f","resultId":"G-%d","patientId":"P-%d","loinc":"718-7","value":12.%d,"unit":"g/dL","collectedAt":"2025-0%d-03T09:00:00-05:00","status":"final"}\n' \
  "$1" $(($1 % 200)) $(($1 % 10)) $((1 + $1 % 9)); }
LONG_ID=$(head -c 20000 /dev/zero | tr '\0' 'R')
bad() {
  local n=$1
  case $((n % 10)) in
    0) good "$n" | sed "s/\"G-$n\"/\"B-$n\"/; s/\"718-7\"/null/" ;;
    1) good "$n" | sed "s/\"G-$n\"/\"B-$n\"/; s/\"bench-f\"/null/" ;;
    2) good "$n" | sed "s/\"G-$n\"/\"B-$n\"/; s/\"final\"/null/" ;;
    3) good "$n" | sed "s/\"G-$n\"/\"B-$n\"/; s/\"P-[0-9]*\"/null/" ;;
    4) good "$n" | sed "s/\"resultId\":\"G-$n\",/\"note\":\"B-$n\",/" ;;
    5) good "$n" | sed "s/\"G-$n\"/\"B-$n\"/; s/\"value\":[0-9.]*/\"value\":\"twelve\"/" ;;
    6) good "$n" | sed "s/\"G-$n\"/\"B-$n\"/; s/\"collectedAt\":\"[^\"]*\"/\"collectedAt\":{\"d\":1}/" ;;
    7) printf 'this is not JSON, message B-%d\n' "$n" ;;
    8) good "$n" | sed "s/\"G-$n\"/\"B-$n-\xff\xfe\"/" ;;
    9) good "$n" | sed "s/\"G-$n\"/\"B-$n-$LONG_ID\"/" ;;
  esac
}
{
  for i in $(seq 0 $((GOOD > BAD ? GOOD - 1 : BAD - 1))); do
    ((i < GOOD)) && good "$i"
    ((i < BAD)) && bad "$i"
  done
} >"$RUN/poison.lines"
SENT=$((GOOD + BAD))
log "poison: publishing $GOOD good and $BAD malformed results, interleaved"
START=$(date +%s.%N)
LC_ALL=C amqp-publish -u "$SCREENING_AMQP" -e screening.results -C application/json -p -l <"$RUN/poison.lines"
count() { psqlq "$NAME" "$1"; }
STORED=0 REJECTS=0
while :; do
  STORED=$(count "SELECT count(DISTINCT result_id) FROM lab_result WHERE source_system = 'bench-f' AND result_id LIKE 'G-%'")
  REJECTS=$(count "SELECT count(*) FROM rejected_message")
  ((STORED + REJECTS >= SENT)) && break
  (($(date +%s) - ${START%.*} > TIMEOUT)) && { log "poison: timed out after ${TIMEOUT}s"; break; }
  sleep 0.2
done
RECOVERY=$(echo "$(date +%s.%N) - $START" | bc)
ROWS=$(count "SELECT count(*) FROM lab_result WHERE source_system = 'bench-f' AND result_id LIKE 'G-%'")
ERRQ=$(curl -s -u "$MGMT_AUTH" "$MGMT_URL/api/queues/$NAME/screening.results_error" | sed -n 's/.*"messages":\([0-9]*\).*/\1/p' | head -1)
log "poison: rejects by reason: $(count "SELECT string_agg(reason_code || ' ' || n, ', ') FROM (SELECT reason_code, count(*) n FROM rejected_message GROUP BY 1 ORDER BY 1) r")"
printf 'fault: poison sent=%d stored=%d rejects=%d lost=%d duplicated=%d error_queue=%s recovery_s=%.1f\n' \
  "$SENT" "$STORED" "$REJECTS" $((SENT - STORED - REJECTS > 0 ? SENT - STORED - REJECTS : 0)) $((ROWS - STORED)) "${ERRQ:-0}" "$RECOVERY"
