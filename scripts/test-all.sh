#!/usr/bin/env bash
# The README's second command: install what the tests need, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== install (root and console, from the lock files)"
npm ci --no-audit --no-fund

# Debian packages the tests drive: Chromium for the browser tests (playwright-core downloads
# no browser), haproxy as the multi-instance tests' load balancer, PgBouncer for the pooled
# database path. Only what is missing is installed.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "${HAPROXY_PATH:-/usr/sbin/haproxy}" ] || missing+=(haproxy)
[ -x /usr/sbin/pgbouncer ] || command -v pgbouncer >/dev/null 2>&1 || missing+=(pgbouncer)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing: ${missing[*]}, and apt-get is not available to install them." >&2
    echo "Install them with this system's package manager (or set CHROMIUM_PATH), then run again." >&2
    exit 1
  fi
  echo "== install ${missing[*]} (apt-get)"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo -n); fi
  if ! { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "Could not install ${missing[*]} with apt-get (it needs root, or sudo without a password)." >&2
    echo "Run: apt-get install -y ${missing[*]}, then run again." >&2
    exit 1
  fi
  if [ ! -x "$CHROMIUM" ]; then
    echo "apt-get installed chromium but $CHROMIUM is still missing: set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# Debian's haproxy and pgbouncer packages may start services of their own: their default
# configurations listen on no port the tests use; the tests start both on free ports.

if ! (echo > /dev/tcp/127.0.0.1/6379) 2>/dev/null && [ -z "${TEST_REDIS_URL:-}" ]; then
  echo "Redis does not answer on 127.0.0.1:6379. Start it with:" >&2
  echo '  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no' >&2
  exit 1
fi
# PostgreSQL: the machine's on 127.0.0.1:5432 when it answers, otherwise the tests start
# the embedded one (see test/support/global-setup.mjs).

bash scripts/test.sh
