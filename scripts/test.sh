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

# Two test files at a time: most of them wait on processes, PostgreSQL and Redis rather than
# compute, so on two cores a second jest worker roughly halves the wall time. JEST_WORKERS=1
# runs them one at a time.
echo "== jest: unit, integration, end-to-end (${JEST_WORKERS:-2} at a time)"
jest_status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --selectProjects unit integration e2e \
  --maxWorkers="${JEST_WORKERS:-2}" --json --outputFile="$results/jest.json" || jest_status=$?

# One at a time: Chromium is the heaviest process of all.
echo "== jest: browser (headless Chromium; screenshots in test/artifacts/browser)"
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --selectProjects browser \
  --json --outputFile="$results/jest-browser.json" || jest_status=$?

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
  const jests = process.argv.slice(1, 4).map((file) => read(file) ?? {});
  const v = read(process.argv[4]) ?? {};
  const sum = (key) => jests.reduce((total, run) => total + (run[key] ?? 0), 0);
  const passed = sum("numPassedTests") + (v.numPassedTests ?? 0);
  const failed = sum("numFailedTests") + sum("numRuntimeErrorTestSuites") + (v.numFailedTests ?? 0) + (v.numFailedTestSuites ?? 0);
  const skipped = sum("numPendingTests") + (v.numPendingTests ?? 0);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results/jest.json" "$results/jest-browser.json" "$results/jest-security.json" "$results/vitest.json"

if [ "$jest_status" -ne 0 ] || [ "$vitest_status" -ne 0 ]; then
  exit 1
fi
