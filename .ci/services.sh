#!/usr/bin/env bash
# Installs and starts what the test suites need beyond Node: PostgreSQL 15 and Chromium.
# Idempotent; safe to run on every `pnpm test`. Needs root and apt for a first install.
set -u
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
apt_updated=0
need_pkg() {
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "[services] installing postgresql"; need_pkg postgresql || echo "[services] could not install postgresql"
fi
if command -v pg_lsclusters >/dev/null 2>&1; then
  ver=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1}')
  if [ -z "$ver" ]; then ver=15; as_root pg_createcluster $ver main >/dev/null 2>&1 || true; ver=$(pg_lsclusters -h | awk 'NR==1{print $1}'); fi
  as_root pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
  for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || true
  as_root su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='lmo_test'\" | grep -q 1 || psql -q -c 'CREATE DATABASE lmo_test'" >/dev/null 2>&1 || true
  pg_isready -q -h 127.0.0.1 && echo "[services] postgresql ready on 127.0.0.1:5432 (db lmo_test)"
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "[services] installing chromium"; need_pkg chromium || echo "[services] could not install chromium"
fi
command -v chromium >/dev/null 2>&1 && echo "[services] chromium at $(command -v chromium)"
exit 0
