#!/usr/bin/env bash
# infra/docker.sh up|status|env -- a Docker engine and the fault-suite images (infra/images/).
#
#   up      1. `docker info` answers -> use that engine.
#           2. else, as root: `apt-get install -y docker.io` if `dockerd` is missing (Debian's 20.10, Docker API
#              1.41), start `dockerd` in the background (log: $STATE_DIR/dockerd.log) and wait until
#              `docker info` answers (at most 60 s).
#           3. else (not root, no engine): say what to do and exit 1.
#           Then builds the images (infra/images/build.sh; cached by a content hash, ~1 s when present).
#   status  exit 0 when the engine answers and the images are present, 3 otherwise (one line on stderr).
#   env     export lines for Testcontainers (Ryuk off, loopback host, API 1.41-capable client settings).
#
# Note: /usr/local/bin/docker on some machines is a client only (no daemon); `docker version` shows whether a
# server answers. Safe to run repeatedly and concurrently (flock). Messages go to stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${SCREENING_DOCKER_STATE:-/tmp/screening-docker}
log() { printf 'docker.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

start_engine() {
  engine_answers && return 0
  if ((EUID != 0)); then
    die "no Docker engine answers and this is not root. Start one (as root: infra/docker.sh up), or run as a user in the docker group with dockerd running."
  fi
  if ! command -v dockerd >/dev/null; then
    log "installing docker.io (Debian) ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io) >"$STATE_DIR/apt.log" 2>&1 \
      || { tail -20 "$STATE_DIR/apt.log" >&2; die "apt-get install docker.io failed (log: $STATE_DIR/apt.log)"; }
  fi
  command -v docker >/dev/null || die "docker client missing after installing docker.io"
  if [[ -S /var/run/docker.sock ]] && ! pgrep -x dockerd >/dev/null; then rm -f /var/run/docker.sock; fi
  if ! pgrep -x dockerd >/dev/null; then
    log "starting dockerd (log: $STATE_DIR/dockerd.log)"
    # setsid: the engine outlives this script and its session; containers are removed by the tests.
    setsid dockerd >"$STATE_DIR/dockerd.log" 2>&1 </dev/null &
  fi
  local i
  for ((i = 0; i < 120; i++)); do
    engine_answers && { log "engine up: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null)"; return 0; }
    sleep 0.5
  done
  tail -30 "$STATE_DIR/dockerd.log" >&2 || true
  die "dockerd did not answer within 60 s (log: $STATE_DIR/dockerd.log)"
}

cmd=${1:-up}
mkdir -p "$STATE_DIR"
case $cmd in
  up)
    exec 9>"$STATE_DIR/lock"; flock 9
    start_engine
    "$ROOT/infra/images/build.sh"
    ;;
  status)
    engine_answers || { log "engine: not answering"; exit 3; }
    "$ROOT/infra/images/build.sh" --check || { log "engine: up; images: missing or stale"; exit 3; }
    log "engine: up; images: present"
    ;;
  env)
    cat <<'EOF'
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
EOF
    ;;
  *) die "usage: infra/docker.sh up|status|env" ;;
esac
