#!/usr/bin/env bash
# The README's second command: install what the tests need, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== install (root and console, from the lock files)"
npm ci --no-audit --no-fund

# The browser tests drive Debian's Chromium (playwright-core downloads no browser).
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing at $CHROMIUM and apt-get is not available to install it." >&2
    echo "Install Chromium with this system's package manager (or set CHROMIUM_PATH), then run again." >&2
    exit 1
  fi
  echo "== install Chromium (apt-get install chromium)"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo -n); fi
  if ! { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "Could not install Chromium with apt-get (it needs root, or sudo without a password)." >&2
    echo "Run: apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium), then run again." >&2
    exit 1
  fi
  if [ ! -x "$CHROMIUM" ]; then
    echo "apt-get installed chromium but $CHROMIUM is still missing: set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# The multi-instance tests put Debian's haproxy in front of the API processes (scripts/cluster).
HAPROXY="${HAPROXY_PATH:-/usr/sbin/haproxy}"
if [ ! -x "$HAPROXY" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "haproxy is missing at $HAPROXY and apt-get is not available to install it." >&2
    echo "Install haproxy with this system's package manager (or set HAPROXY_PATH), then run again." >&2
    exit 1
  fi
  echo "== install haproxy (apt-get install haproxy)"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo -n); fi
  if ! { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null; }; then
    echo "Could not install haproxy with apt-get (it needs root, or sudo without a password)." >&2
    echo "Run: apt-get install -y haproxy   (or set HAPROXY_PATH to a haproxy), then run again." >&2
    exit 1
  fi
  if [ ! -x "$HAPROXY" ]; then
    echo "apt-get installed haproxy but $HAPROXY is still missing: set HAPROXY_PATH." >&2
    exit 1
  fi
fi
# Debian's package may also start a haproxy service: its default configuration listens on no
# port, and the tests start haproxy themselves, on free ports, with a configuration of their own.

if ! (echo > /dev/tcp/127.0.0.1/6379) 2>/dev/null && [ -z "${TEST_REDIS_URL:-}" ]; then
  echo "Redis does not answer on 127.0.0.1:6379. Start it with:" >&2
  echo '  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no' >&2
  exit 1
fi
# PostgreSQL: the machine's on 127.0.0.1:5432 when it answers, otherwise the tests start
# the embedded one (see test/support/global-setup.mjs).

bash scripts/test.sh
