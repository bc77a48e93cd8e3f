#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 (trust auth for user postgres, as
# on Debian's test machines): start the installed cluster, or install Debian's package.
set -euo pipefail
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
ready && exit 0
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "postgres: not installed and not root; the PostgreSQL tests will fail" >&2; exit 0
  fi
  echo "postgres: installing postgresql" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
echo "postgres: starting cluster $version/main" >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 30); do ready && break; sleep 1; done
ready || { echo "postgres: server did not start" >&2; exit 1; }
# tests connect as postgres without a password over TCP (the probe's machines: trust)
if ! psql -h 127.0.0.1 -U postgres -tAc 'select 1' >/dev/null 2>&1; then
  hba=$(ls /etc/postgresql/"$version"/main/pg_hba.conf)
  sed -i 's/^\(host\s\+all\s\+all\s\+127.0.0.1\/32\s\+\)\S\+/\1trust/' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload
fi
