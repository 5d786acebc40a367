#!/usr/bin/env bash
# infra/images/build.sh [--check] -- the local images the fault suite runs (no image registry answers here).
#
#   screening/debian:bookworm   debootstrap --variant=minbase bookworm from the Debian mirror apt already uses,
#                               then `docker import`
#   screening/postgres:15       FROM it, Debian postgresql-15; user/password/database from POSTGRES_USER/
#                               POSTGRES_PASSWORD/POSTGRES_DB (default postgres/postgres/postgres), listens on *
#   screening/rabbitmq:3.10     FROM it, Debian rabbitmq-server 3.10 (+ management); RABBITMQ_LOGS=- so the
#                               startup line reaches `docker logs`; user from RABBITMQ_DEFAULT_USER/PASS
#
# Cached: each image is also tagged with a content hash of what it is built from (this script, its
# Dockerfile and files); when that tag exists nothing is built (~1 s). --check: exit 3 if any is missing.
# SCREENING_DEBIAN_MIRROR overrides the mirror. Needs a Docker engine (infra/docker.sh up) and, for the
# base image, root and debootstrap (installed with apt-get when missing).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log() { printf 'images: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
check=0; [[ ${1:-} == --check ]] && check=1

# The base recipe: change this string when build_base changes (its hash tags the base image).
BASE_RECIPE='debootstrap --variant=minbase bookworm; no apt lists; LANG=C.UTF-8; v1'
BASE_HASH=$(printf '%s' "$BASE_RECIPE" | sha256sum | cut -c1-12)
PG_HASH=$(cd "$HERE" && { echo "$BASE_HASH"; find postgres -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-12)
MQ_HASH=$(cd "$HERE" && { echo "$BASE_HASH"; find rabbitmq -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-12)

present() { docker image inspect "$1" >/dev/null 2>&1; }

if ((check)); then
  present "screening/debian:bookworm-$BASE_HASH" && present "screening/postgres:15-$PG_HASH" \
    && present "screening/rabbitmq:3.10-$MQ_HASH" || exit 3
  exit 0
fi

# The mirror apt uses on this machine (deb822 sources or the classic list), first non-security entry.
mirror() {
  [[ -n ${SCREENING_DEBIAN_MIRROR:-} ]] && { echo "$SCREENING_DEBIAN_MIRROR"; return; }
  local m
  m=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }')
  [[ -z $m ]] && m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
                     | awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }')
  echo "${m:-http://deb.debian.org/debian}"
}

build_base() {
  local tag=screening/debian:bookworm-$BASE_HASH
  if present "$tag"; then docker tag "$tag" screening/debian:bookworm; return; fi
  ((EUID == 0)) || die "building the base image needs root (debootstrap); run: sudo infra/images/build.sh"
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap) >/dev/null
  fi
  local dir m t0=$SECONDS
  dir=$(mktemp -d /tmp/screening-debootstrap.XXXXXX)
  trap 'rm -rf "$dir"' RETURN
  m=$(mirror)
  log "debootstrap --variant=minbase bookworm from $m (a few minutes) ..."
  debootstrap --variant=minbase bookworm "$dir" "$m" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log" >&2; die "debootstrap failed (log: $dir.log)"; }
  rm -f "$dir.log"
  # Smaller and reproducible-enough: no apt lists or caches in the base.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/tmp/*
  echo "deb $m bookworm main" >"$dir/etc/apt/sources.list"
  tar -C "$dir" -c . | docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' - "$tag" >/dev/null
  docker tag "$tag" screening/debian:bookworm
  log "screening/debian:bookworm built in $((SECONDS - t0)) s"
}

build_service() { # name tag hash
  local name=$1 tag=$2 hash=$3 t0=$SECONDS
  if present "$tag-$hash"; then docker tag "$tag-$hash" "$tag"; return; fi
  log "building $tag ..."
  # The classic builder (Debian's 20.10 engine has no buildx); its output only matters when it fails.
  DOCKER_BUILDKIT=0 docker build -t "$tag-$hash" -t "$tag" "$HERE/$name" >"/tmp/screening-image-$name.log" 2>&1 \
    || { tail -30 "/tmp/screening-image-$name.log" >&2; die "docker build $tag failed (log: /tmp/screening-image-$name.log)"; }
  log "$tag built in $((SECONDS - t0)) s"
}

timeout 10 docker info >/dev/null 2>&1 || die "no Docker engine answers (start one: infra/docker.sh up)"
t0=$SECONDS
build_base
build_service postgres screening/postgres:15 "$PG_HASH"
build_service rabbitmq screening/rabbitmq:3.10 "$MQ_HASH"
log "ready: screening/debian:bookworm screening/postgres:15 screening/rabbitmq:3.10 ($((SECONDS - t0)) s)"
