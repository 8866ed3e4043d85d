#!/usr/bin/env bash
# `npm test`: every test. Type check, unit tests (Vitest), then Playwright journeys in Debian's Chromium
# against a production build on a throw-away SQLite database. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p data/reports
# Both Prisma clients (SQLite, PostgreSQL) from prisma/schema.prisma, so neither is stale.
npx tsx prisma/generate.ts >/dev/null || exit 1

fail=0
step() { printf '\n== %s\n' "$1"; }

step "Type check"
npx tsc --noEmit || fail=1

step "Unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=data/reports/unit.json || fail=1

step "Production build"
rm -rf data/e2e.db* data/e2e-outbox data/e2e-mail
E2E_DATABASE_URL=file:./data/e2e.db
# A configured deployment (DATABASE_URL set) gets demo data only when asked: npm run demo:seed (issue 8).
DATABASE_URL=$E2E_DATABASE_URL npx tsx prisma/demo-seed.ts >/dev/null && DATABASE_URL=$E2E_DATABASE_URL npx tsx e2e/fixtures.ts || fail=1
NODE_ENV=production NEXTAUTH_SECRET=e2e-secret-e2e-secret-e2e-secret-0123456789 node node_modules/next/dist/bin/next build >data/reports/build.log 2>&1 || { tail -40 data/reports/build.log; fail=1; }

step "End-to-end (Playwright, Chromium)"
E2E_DATABASE_URL=$E2E_DATABASE_URL PLAYWRIGHT_JSON_OUTPUT_NAME=data/reports/e2e.json npx playwright test --reporter=list,json || fail=1

node test/summary.mjs data/reports/unit.json data/reports/e2e.json || fail=1
exit $fail
