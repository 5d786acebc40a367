#!/usr/bin/env bash
# bench/faults.sh [--results N] [--filter EXPR] -- the fault suite (tests/Screening.FaultTests) at bench size.
# Runs the same scenarios as CI with N results per feed (default 1,000,000) and prints one line per scenario:
#   fault: NAME sent=… stored=… lost=… duplicated=… rejects=… recovery_s=…
# recovery_s: from the end of the fault (worker restarted, broker/database started again; for the poison mix:
# from the first publish) until every result was stored and every outbox event announced.
# Needs a Docker engine and the images (infra/docker.sh up does both as root). Record figures in
# docs/reliability.md with the command and the machine's load.
#   e.g. bench/faults.sh --results 50000 --filter "FullyQualifiedName~BrokerKill"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

results=1000000 filter=''
while (($#)); do
  case $1 in
    --results) results=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "faults.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

infra/docker.sh up
eval "$(infra/docker.sh env)"
report=$(mktemp /tmp/screening-faults.XXXXXX)
trap 'rm -f "$report"' EXIT
export SCREENING_FAULT_RESULTS=$results SCREENING_FAULT_REPORT=$report SCREENING_REQUIRE_SERVICES=1

args=(test tests/Screening.FaultTests -c Release --logger "console;verbosity=minimal")
[[ -n $filter ]] && args+=(--filter "$filter")
start=$SECONDS
rc=0
dotnet "${args[@]}" </dev/null >&2 || rc=$?
cat "$report"
echo "faults.sh: results=$results wall_s=$((SECONDS - start)) exit=$rc" >&2
exit "$rc"
