#!/usr/bin/env bash
# Every check the project has, in the order that fails fastest: lint and format, types,
# then unit, integration, end-to-end and browser tests (jest), then the console's tests (vitest).
# Assumes dependencies are installed: `npm run test:all` installs them first.
set -euo pipefail
cd "$(dirname "$0")/.."

results=.data/test-results
mkdir -p "$results"

echo "== lint and format"
npm run --silent lint
echo "== type check"
npm run --silent typecheck
npm run --silent typecheck --prefix apps/admin
echo "== build (server and console: the end-to-end and browser tiers serve both)"
npm run --silent build

echo "== jest: unit, integration, end-to-end, browser (headless Chromium; screenshots in test/artifacts/browser)"
jest_status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --selectProjects unit integration e2e browser \
  --json --outputFile="$results/jest.json" || jest_status=$?

# Alone, so that its "another user answers within 1 s" measures the API, not the other suites.
echo "== jest: security (the fuzz suite, on its own)"
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --selectProjects security \
  --json --outputFile="$results/jest-security.json" || jest_status=$?

echo "== console (vitest)"
vitest_status=0
(cd apps/admin && npx vitest run --reporter=default --reporter=json --outputFile="../../$results/vitest.json") || vitest_status=$?

# One closing line for CI, counting both runners.
node -e '
  const fs = require("fs");
  const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
  const j = read(process.argv[1]) ?? {}; const s = read(process.argv[2]) ?? {}; const v = read(process.argv[3]) ?? {};
  const passed = (j.numPassedTests ?? 0) + (s.numPassedTests ?? 0) + (v.numPassedTests ?? 0);
  const failed = (j.numFailedTests ?? 0) + (s.numFailedTests ?? 0) + (v.numFailedTests ?? 0) +
    (j.numRuntimeErrorTestSuites ?? 0) + (s.numRuntimeErrorTestSuites ?? 0) + (v.numFailedTestSuites ?? 0);
  const skipped = (j.numPendingTests ?? 0) + (s.numPendingTests ?? 0) + (v.numPendingTests ?? 0);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results/jest.json" "$results/jest-security.json" "$results/vitest.json"

if [ "$jest_status" -ne 0 ] || [ "$vitest_status" -ne 0 ]; then
  exit 1
fi
