#!/usr/bin/env bash
# Installs and starts what the tests need that npm cannot install: a running PostgreSQL
# (127.0.0.1:5432, trust auth), and — for the browser tests of later issues — Debian's
# chromium with a CJK font. Idempotent; says exactly what is missing when it cannot act.
set -uo pipefail

need_apt=()
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qiE 'wqy|noto sans cjk|noto serif cjk' || need_apt+=(fonts-wqy-microhei)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-setup: installing ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null \
      || echo "test-setup: apt-get could not install ${need_apt[*]}" >&2
  else
    echo "test-setup: missing ${need_apt[*]} — install them as root: apt-get install -y ${need_apt[*]}" >&2
  fi
fi

pg_ready() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_ready; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -z "$version" ]; then
      echo "test-setup: PostgreSQL is installed but has no cluster; create one with pg_createcluster" >&2
    else
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    fi
  fi
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
if pg_ready; then
  # The storage tests connect as postgres without a password (trust) over TCP.
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf 2>/dev/null | tail -1)
  if [ -n "$hba" ] && ! psql -h 127.0.0.1 -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
    echo "test-setup: enabling trust auth for local TCP connections in $hba"
    sed -i 's/^\(host\s\+all\s\+all\s\+127\.0\.0\.1\/32\s\+\)\S\+/\1trust/; s/^\(host\s\+all\s\+all\s\+::1\/128\s\+\)\S\+/\1trust/' "$hba"
    version=$(ls /etc/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
  fi
  echo "test-setup: PostgreSQL is up on 127.0.0.1:5432"
else
  echo "test-setup: PostgreSQL is NOT reachable on 127.0.0.1:5432 — the storage tests will fail" >&2
fi
exit 0
