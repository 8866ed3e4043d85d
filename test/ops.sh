#!/usr/bin/env bash
# The operations specs (e2e-ops/, playwright.ops.config.ts) against the last production build:
# the standalone server, `npm run backup` + restore + login (SQLite), and two instances on one fresh
# PostgreSQL database (TEST_PG_URL; skipped, saying so, when PostgreSQL does not answer). Dropped after.
#   bash test/ops.sh [playwright args]       ports: E2E_PORT and E2E_PORT2 (default E2E_PORT + 10)
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p data/reports
rm -rf data/ops
unset E2E_DATABASE_URL
if npx tsx test/pg-db.ts answers; then
  name="portal_ops_$(date +%s)_$$"
  E2E_DATABASE_URL=$(npx tsx test/pg-db.ts create "$name") || exit 1
  trap 'npx tsx test/pg-db.ts drop "$name" >/dev/null' EXIT
  export E2E_DATABASE_URL
  DATABASE_URL=$E2E_DATABASE_URL npx tsx prisma/demo-seed.ts >/dev/null && DATABASE_URL=$E2E_DATABASE_URL npx tsx e2e/fixtures.ts >/dev/null || exit 1
fi
npx playwright test -c playwright.ops.config.ts "$@"
