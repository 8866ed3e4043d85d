#!/usr/bin/env bash
# Some Playwright specs against a fresh production build, for working on one area:
#   bash test/e2e.sh e2e/auth.spec.ts e2e/selfservice.spec.ts      (SKIP_BUILD=1 reuses the last build)
#   E2E_DB=postgresql bash test/e2e.sh …   the same on a fresh PostgreSQL database (TEST_PG_URL), dropped after
# `npm test` (test/run-all.sh) remains the one command that runs everything.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p data/reports
npx tsx prisma/generate.ts >/dev/null 2>&1 || { echo "prisma generate failed"; exit 1; }
rm -rf data/e2e.db* data/e2e-outbox data/e2e-mail
if [ "${E2E_DB:-sqlite}" = postgresql ]; then
  pgdb="portal_e2e_$(date +%s)_$$"
  E2E_DATABASE_URL=$(npx tsx test/pg-db.ts create "$pgdb") || exit 1
  trap 'npx tsx test/pg-db.ts drop "$pgdb"' EXIT
else
  E2E_DATABASE_URL=file:./data/e2e.db
fi
export E2E_DATABASE_URL
# A configured deployment (DATABASE_URL set) gets demo data only when asked: npm run demo:seed (issue 8).
DATABASE_URL=$E2E_DATABASE_URL npx tsx prisma/demo-seed.ts >/dev/null && DATABASE_URL=$E2E_DATABASE_URL npx tsx e2e/fixtures.ts || exit 1
if [ "${SKIP_BUILD:-}" != 1 ]; then
  NODE_ENV=production NEXTAUTH_SECRET=e2e-secret-e2e-secret-e2e-secret-0123456789 node node_modules/next/dist/bin/next build >data/reports/build.log 2>&1 || { tail -40 data/reports/build.log; exit 1; }
fi
npx playwright test "$@"
