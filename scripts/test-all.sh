#!/usr/bin/env bash
# The README's second command: install what the tests need, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== install (root and console, from the lock files)"
npm ci --no-audit --no-fund

if ! (echo > /dev/tcp/127.0.0.1/6379) 2>/dev/null && [ -z "${TEST_REDIS_URL:-}" ]; then
  echo "Redis does not answer on 127.0.0.1:6379. Start it with:" >&2
  echo '  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no' >&2
  exit 1
fi
# PostgreSQL: the machine's on 127.0.0.1:5432 when it answers, otherwise the tests start
# the embedded one (see test/support/global-setup.mjs).

bash scripts/test.sh
