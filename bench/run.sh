#!/usr/bin/env bash
# bench/run.sh [--patients N] [--quick] [--results-per-patient R] [--patients-per-message P] [--workers W]
#              [--concurrency C] [--as-of YYYY-MM-DD] [--keep]
# The screens run as of tomorrow by default: the nightly case after the day's ingest (which evaluated state as of
# today); the first screen opens a task for every finding of the backfilled population.
#
# End-to-end throughput and scale on THIS machine, in one invocation, against a throw-away database
# (bench_<pid>) and RabbitMQ vhost (bench_<pid>) on the local services (infra/services.sh):
#   1. baseline   the hardware's limit with the same generated data: plain binary COPY of the result rows into a
#                 table indexed like lab_result (and, for reference, one with only a primary key); the same
#                 messages through a bare RabbitMQ.Client publish/consume loop with publisher confirms
#                 (bench/Baseline). baseline_results_per_s = the slower of COPY (lab_result indexes) and the broker.
#   2. ingest     `screening worker` consuming what `screening seed` publishes through RabbitMQ
#                 (ClinicalRecordsReported, P patients per message), timed from the first publish until the
#                 last result is stored and per-patient state updated (same transaction).
#   3. screen     the nightly screen of the whole population for one as-of date (incremental: stored outcomes that
#                 still hold are reused), then again (must change nothing), then with --full (re-evaluates everyone;
#                 must also change nothing: incremental and full agree), then the next night (no new data).
#                 screen_s is the first one. Ingest CPU seconds per process group are printed too.
#   4. memory     peak RSS (/usr/bin/time -v "Maximum resident set size") of the worker and of the screen.
# Prints a table and, as its LAST line:
#   bench: patients=.. results=.. ingest_results_per_s=.. baseline_results_per_s=.. ingest_ratio=.. screen_s=..
#          screen_patients_per_s=.. worker_peak_rss_mb=.. screen_peak_rss_mb=..
# Defaults: 1,000,000 patients x 10 results; --quick = 100,000 patients.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PATIENTS=1000000 PER_PATIENT=10 PER_MESSAGE=250 WORKERS=1 CONCURRENCY=4 AS_OF=$(date -d tomorrow +%F) KEEP=0
while (($#)); do
  case $1 in
    --patients) PATIENTS=$2; shift ;;
    --quick) PATIENTS=100000 ;;
    --results-per-patient) PER_PATIENT=$2; shift ;;
    --patients-per-message) PER_MESSAGE=$2; shift ;;
    --workers) WORKERS=$2; shift ;;
    --concurrency) CONCURRENCY=$2; shift ;;
    --as-of) AS_OF=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '%s bench: %s\n' "$(date +%T)" "$*" >&2; }
command -v /usr/bin/time >/dev/null || { log "installing GNU time"; apt-get install -y time >/dev/null; }

NAME=bench_$$
OUT=$ROOT/bench/.out; RUN=$OUT/run-$NAME; mkdir -p "$RUN"
source "$ROOT/bench/own-services.sh"

# --- build (Release) --------------------------------------------------------------------------------------------
log "building screening and bench/Baseline (Release)"
dotnet build "$ROOT/src/Screening.App/Screening.App.csproj" -c Release -o "$OUT/app" --nologo -v q >"$RUN/build.log" 2>&1 \
  || { cat "$RUN/build.log" >&2; exit 1; }
dotnet build "$ROOT/bench/Baseline/Baseline.csproj" -c Release -o "$OUT/baseline" --nologo -v q >>"$RUN/build.log" 2>&1 \
  || { cat "$RUN/build.log" >&2; exit 1; }
APP=$OUT/app/screening

# --- own database and vhost -----------------------------------------------------------------------------------
cleanup() {
  for p in ${WORKER_PIDS:-}; do kill "$p" 2>/dev/null || true; done
  drop_own_services
}
trap cleanup EXIT
create_own_services "Maximum Pool Size=40"
export SCREENING_Schedule__Enabled=false SCREENING_RabbitMq__ConsumerConcurrency=$CONCURRENCY
"$APP" migrate >"$RUN/migrate.log" 2>&1
log "database and vhost $NAME; $PATIENTS patients x ~$PER_PATIENT results, $PER_MESSAGE patients/message"

# --- 1. baselines --------------------------------------------------------------------------------------------
MAX_ROWS=$(( PATIENTS * PER_PATIENT < 2000000 ? PATIENTS * PER_PATIENT : 2000000 ))
log "baseline: binary COPY of $MAX_ROWS result rows (lab_result indexes)"
COPY_LINE=$("$OUT/baseline/baseline" copy --db "$SCREENING_DB" --patients "$PATIENTS" --results-per-patient "$PER_PATIENT" --max-rows "$MAX_ROWS")
COPY_PK_LINE=$("$OUT/baseline/baseline" copy --db "$SCREENING_DB" --patients "$PATIENTS" --results-per-patient "$PER_PATIENT" --max-rows "$MAX_ROWS" --pk-only)
log "baseline: bare RabbitMQ.Client publish+consume with confirms"
RABBIT_LINE=$("$OUT/baseline/baseline" rabbit --amqp "$SCREENING_AMQP" --patients "$PATIENTS" --results-per-patient "$PER_PATIENT" \
  --patients-per-message "$PER_MESSAGE" --max-messages 2000)
SMALL_LINE=$("$OUT/baseline/baseline" rabbit-small --amqp "$SCREENING_AMQP" --messages 100000)
field() { sed -n "s/.*[ :]$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
COPY_RPS=$(field rows_per_s "$COPY_LINE"); COPY_PK_RPS=$(field rows_per_s "$COPY_PK_LINE")
RABBIT_RPS=$(field results_per_s "$RABBIT_LINE"); RABBIT_MPS=$(field msgs_per_s "$RABBIT_LINE"); SMALL_MPS=$(field msgs_per_s "$SMALL_LINE")
BASELINE_RPS=$(( COPY_RPS < RABBIT_RPS ? COPY_RPS : RABBIT_RPS ))

# --- 2. pipeline ingest through RabbitMQ --------------------------------------------------------------------------
WORKER_PIDS=""
for w in $(seq 1 "$WORKERS"); do
  /usr/bin/time -v -o "$RUN/worker-$w.time" "$APP" worker --urls "http://127.0.0.1:$((5500 + $$ % 300 + w))" >"$RUN/worker-$w.log" 2>&1 &
  WORKER_PIDS="$WORKER_PIDS $!"
done
for i in $(seq 1 60); do
  ready=0; for w in $(seq 1 "$WORKERS"); do grep -q "Application started" "$RUN/worker-$w.log" && ready=$((ready + 1)); done
  ((ready == WORKERS)) && break; sleep 1
done
((ready == WORKERS)) || { log "worker did not start"; tail -20 "$RUN"/worker-*.log >&2; exit 1; }
log "ingest: seeding through RabbitMQ into $WORKERS worker(s) (consumer concurrency $CONCURRENCY)"
# CPU seconds per process group (cumulative; backends of the worker's pool live through the whole ingest).
cpu_groups() { ps -eo comm=,times= | awk '{g=$1; if (g ~ /^postgres/) g="postgres"; else if (g ~ /beam/) g="rabbitmq"; else if (g ~ /^screening/) g="worker"; else g="other"; c[g]+=$2} END{for (g in c) print g, c[g]}' | sort; }
cpu_groups >"$RUN/cpu-before.txt"
T0=$(date +%s.%N)
/usr/bin/time -v -o "$RUN/seed.time" "$APP" seed --patients "$PATIENTS" --results-per-patient "$PER_PATIENT" --patients-per-message "$PER_MESSAGE" >"$RUN/seed.log" 2>"$RUN/seed.err"
SEED_LINE=$(grep '^seed:' "$RUN/seed.log")
PUBLISHED=$(field results "$SEED_LINE"); SEED_S=$(field seconds "$SEED_LINE"); MESSAGES=$(field messages "$SEED_LINE")
log "published $PUBLISHED results in $MESSAGES messages in ${SEED_S}s; waiting for the workers"
last=-1 stable=0
while :; do
  q=$(curl -s -u "$MGMT_AUTH" "$MGMT_URL/api/queues/$NAME/screening.records?columns=messages" | sed -n 's/.*"messages":\([0-9]*\).*/\1/p')
  maxid=$(psqlq "$NAME" "SELECT coalesce(max(id), 0) FROM lab_result")
  if [[ ${q:-1} == 0 && $maxid == "$last" ]]; then stable=$((stable + 1)); else stable=0; fi
  ((stable >= 2)) && break
  last=$maxid; sleep 3
done
# The last stored result's received_at is its batch's transaction time (state is written in the same transaction).
T1=$(psqlq "$NAME" "SELECT extract(epoch FROM max(received_at)) FROM lab_result")
cpu_groups >"$RUN/cpu-after.txt"
SEED_CPU=$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.0f", s}' "$RUN/seed.time")
CPU_SPLIT=$(join "$RUN/cpu-before.txt" "$RUN/cpu-after.txt" | awk -v seed="$SEED_CPU" '$1!="other"{printf "%s %.0f s, ", $1, $3-$2} END{printf "seed %s s", seed}')
read -r STORED PATIENT_ROWS CONDITION_ROWS REJECTED <<<"$(psqlq "$NAME" "SELECT (SELECT count(*) FROM lab_result), (SELECT count(*) FROM patient), (SELECT count(*) FROM patient_condition), (SELECT count(*) FROM rejected_message)" | tr '|' ' ')"
INGEST_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN{printf "%.2f", b - a}')
INGEST_RPS=$(awk -v n="$STORED" -v s="$INGEST_S" 'BEGIN{printf "%.0f", n / s}')
for p in $WORKER_PIDS; do child=$(pgrep -P "$p" || true); [[ -n $child ]] && kill -TERM "$child"; done
for p in $WORKER_PIDS; do wait "$p" || true; done
WORKER_PIDS=""
rss_mb() { awk -F': ' '/Maximum resident set size/{printf "%.0f", $2 / 1024}' "$1"; }
WORKER_RSS=0; for w in $(seq 1 "$WORKERS"); do r=$(rss_mb "$RUN/worker-$w.time"); ((r > WORKER_RSS)) && WORKER_RSS=$r; done
ERRORS=$(cat "$RUN"/worker-*.log | grep -cE "^[0-9:]+ (ERR|FTL)" || true)
log "ingest: $STORED results stored in ${INGEST_S}s ($INGEST_RPS/s), $ERRORS error log lines"
psqlq "$NAME" "VACUUM ANALYZE" >/dev/null 2>&1

# --- 3. nightly screen, twice --------------------------------------------------------------------------------------
screen_once() {
  /usr/bin/time -v -o "$RUN/screen-$1.time" "$APP" screen --as-of "$2" ${3:-} >"$RUN/screen-$1.log" 2>&1
  psqlq "$NAME" "SELECT duration_ms, patients_screened, tasks_opened, tasks_updated, tasks_closed, tasks_reopened, patients_evaluated FROM screening_run ORDER BY id DESC LIMIT 1" | tr '|' ' '
}
NEXT_NIGHT=$(date -d "$AS_OF + 1 day" +%F)
log "screen 1 as of $AS_OF (incremental: the nightly run after the day's ingest)"
read -r S1_MS S1_N S1_OPEN S1_UPD S1_CLOSE S1_REOPEN S1_EVAL <<<"$(screen_once 1 "$AS_OF")"
log "screen 2 as of $AS_OF (must change nothing)"
read -r S2_MS S2_N S2_OPEN S2_UPD S2_CLOSE S2_REOPEN S2_EVAL <<<"$(screen_once 2 "$AS_OF")"
log "screen 3 as of $AS_OF with --full (re-evaluates everyone; must change nothing)"
read -r S3_MS S3_N S3_OPEN S3_UPD S3_CLOSE S3_REOPEN S3_EVAL <<<"$(screen_once 3 "$AS_OF" --full)"
log "screen 4 as of $NEXT_NIGHT (the next night, no new data)"
read -r S4_MS S4_N S4_OPEN S4_UPD S4_CLOSE S4_REOPEN S4_EVAL <<<"$(screen_once 4 "$NEXT_NIGHT")"
SCREEN_RSS=0; for i in 1 2 3 4; do r=$(rss_mb "$RUN/screen-$i.time"); ((r > SCREEN_RSS)) && SCREEN_RSS=$r; done
SCREEN_S=$(awk -v m="$S1_MS" 'BEGIN{printf "%.2f", m / 1000}')
SCREEN_PPS=$(awk -v n="$S1_N" -v m="$S1_MS" 'BEGIN{printf "%.0f", n * 1000 / m}')
RATIO=$(awk -v a="$INGEST_RPS" -v b="$BASELINE_RPS" 'BEGIN{printf "%.3f", a / b}')
SECOND_CHANGES=$((S2_OPEN + S2_UPD + S2_CLOSE + S2_REOPEN)); FULL_CHANGES=$((S3_OPEN + S3_UPD + S3_CLOSE + S3_REOPEN))

# --- report -------------------------------------------------------------------------------------------------
CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
{
  echo
  echo "Screening bench  $(date -u +%FT%TZ)  $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-52s %16s\n' "measure" "value"
  printf '%-52s %16s\n' "patients / results published" "$PATIENTS / $PUBLISHED"
  printf '%-52s %16s\n' "baseline COPY rows/s (lab_result indexes)" "$COPY_RPS"
  printf '%-52s %16s\n' "baseline COPY rows/s (primary key only, reference)" "$COPY_PK_RPS"
  printf '%-52s %16s\n' "baseline RabbitMQ msgs/s ($PER_MESSAGE patients/msg)" "$RABBIT_MPS"
  printf '%-52s %16s\n' "baseline RabbitMQ results/s ($PER_MESSAGE patients/msg)" "$RABBIT_RPS"
  printf '%-52s %16s\n' "baseline RabbitMQ msgs/s (1 result/msg, reference)" "$SMALL_MPS"
  printf '%-52s %16s\n' "seed publish seconds" "$SEED_S"
  printf '%-52s %16s\n' "ingest seconds (first publish -> last stored)" "$INGEST_S"
  printf '%-52s %16s\n' "ingest results/s" "$INGEST_RPS"
  printf '%-52s %16s\n' "results stored / patients / state rows / rejects" "$STORED / $PATIENT_ROWS / $CONDITION_ROWS / $REJECTED"
  printf '%-52s %16s\n' "ingest_ratio (vs slower baseline)" "$RATIO"
  printf '%-52s %16s\n' "ingest ratio vs COPY with primary key only" "$(awk -v a="$INGEST_RPS" -v b="$COPY_PK_RPS" 'BEGIN{printf "%.3f", a / b}')"
  printf '%-52s %16s\n' "ingest CPU seconds by process" "$CPU_SPLIT"
  printf '%-52s %16s\n' "screen 1 seconds (opened/updated/closed/reopened)" "$SCREEN_S ($S1_OPEN/$S1_UPD/$S1_CLOSE/$S1_REOPEN)"
  printf '%-52s %16s\n' "screen 1 patients re-evaluated" "$S1_EVAL"
  printf '%-52s %16s\n' "screen 1 command wall s (+ start, + announcing events)" "$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.1f", s}' "$RUN/screen-1.time")"
  printf '%-52s %16s\n' "screen 2 seconds (changes; must be 0; re-evaluated)" "$(awk -v m="$S2_MS" 'BEGIN{printf "%.2f", m / 1000}') ($SECOND_CHANGES; $S2_EVAL)"
  printf '%-52s %16s\n' "screen 3 --full seconds (changes; must be 0; re-eval.)" "$(awk -v m="$S3_MS" 'BEGIN{printf "%.2f", m / 1000}') ($FULL_CHANGES; $S3_EVAL)"
  printf '%-52s %16s\n' "screen 4 next night seconds (changes; re-evaluated)" "$(awk -v m="$S4_MS" 'BEGIN{printf "%.2f", m / 1000}') ($((S4_OPEN + S4_UPD + S4_CLOSE + S4_REOPEN)); $S4_EVAL)"
  printf '%-52s %16s\n' "screen patients/s" "$SCREEN_PPS"
  printf '%-52s %16s\n' "worker peak RSS MB" "$WORKER_RSS"
  printf '%-52s %16s\n' "screen peak RSS MB" "$SCREEN_RSS"
  echo "logs: $RUN"
} | tee "$RUN/report.txt"
((SECOND_CHANGES == 0)) || log "WARNING: the second screen changed $SECOND_CHANGES task(s)"
((FULL_CHANGES == 0)) || log "WARNING: the full re-evaluation changed $FULL_CHANGES task(s): incremental and full disagree"
echo "bench: patients=$PATIENTS results=$STORED ingest_results_per_s=$INGEST_RPS baseline_results_per_s=$BASELINE_RPS ingest_ratio=$RATIO screen_s=$SCREEN_S screen_patients_per_s=$SCREEN_PPS worker_peak_rss_mb=$WORKER_RSS screen_peak_rss_mb=$SCREEN_RSS" | tee -a "$RUN/report.txt"
