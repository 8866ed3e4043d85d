#!/usr/bin/env bash
# `npm test`: every test, on SQLite and, when PostgreSQL answers, again on PostgreSQL (issue 12, item 2).
# Type check and production build once; then per database: the unit tests (Vitest; each test file on its own
# throw-away database) and the Playwright journeys in Debian's Chromium against `next start` on a fresh
# database (a configured deployment with explicit demo seeding, issue 8). Each PostgreSQL database is made for
# the run and dropped afterwards. Ends with one line "tests: N passed, N failed".
#   TEST_PG_URL        the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres)
#   TEST_DATABASES     which runs (default "sqlite postgresql"; PostgreSQL is skipped, saying so, when it does not answer)
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p data/reports
rm -f data/reports/unit-*.json data/reports/e2e-*.json
# Both Prisma clients (SQLite, PostgreSQL) from prisma/schema.prisma, so neither is stale.
npx tsx prisma/generate.ts >/dev/null 2>&1 || { echo "prisma generate failed"; exit 1; }

fail=0
reports=()
started=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }
pgdbs=()
cleanup() { for d in "${pgdbs[@]}"; do npx tsx test/pg-db.ts drop "$d" >/dev/null 2>&1; done; }
trap cleanup EXIT

databases=${TEST_DATABASES:-sqlite postgresql}
if [[ " $databases " == *" postgresql "* ]] && ! npx tsx test/pg-db.ts answers; then
  echo "PostgreSQL does not answer at ${TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}: the PostgreSQL run is SKIPPED."
  databases=${databases//postgresql/}
fi

step "Type check"
npx tsc --noEmit || fail=1

step "Lint and format"
# ESLint with type information (eslint.config.mjs), then Prettier's check (npm run format fixes what it reports).
npx eslint . || fail=1
npx prettier --check . >/dev/null 2>&1 || { npx prettier --list-different .; echo "prettier: the files above are not formatted (npm run format)"; fail=1; }

step "Production build"
# The build does not depend on the database: both runs use it.
NODE_ENV=production NEXTAUTH_SECRET=e2e-secret-e2e-secret-e2e-secret-0123456789 node node_modules/next/dist/bin/next build >data/reports/build.log 2>&1 || { tail -40 data/reports/build.log; fail=1; }

for db in $databases; do
  step "Unit tests ($db)"
  TEST_DB=$db npx vitest run --reporter=default --reporter=json --outputFile.json=data/reports/unit-$db.json || fail=1
  reports+=(data/reports/unit-$db.json)

  step "End-to-end ($db, Playwright, Chromium)"
  rm -rf data/e2e.db* data/e2e-outbox data/e2e-mail
  if [ "$db" = postgresql ]; then
    name="portal_e2e_$(date +%s)_$$"
    pgdbs+=("$name")
    E2E_DATABASE_URL=$(npx tsx test/pg-db.ts create "$name") || { fail=1; continue; }
  else
    E2E_DATABASE_URL=file:./data/e2e.db
  fi
  export E2E_DATABASE_URL
  # A configured deployment (DATABASE_URL set) gets demo data only when asked: npm run demo:seed (issue 8).
  DATABASE_URL=$E2E_DATABASE_URL npx tsx prisma/demo-seed.ts >/dev/null && DATABASE_URL=$E2E_DATABASE_URL npx tsx e2e/fixtures.ts || fail=1
  # The HTTP fuzzing of every server action and route handler (e2e/fuzz.spec.ts) sends 1,000 inputs to each on
  # both databases (about 5 minutes each); FUZZ_RUNS / FUZZ_RUNS_PG change it. Schema fuzzing
  # (test/schemas.test.ts, 1,000 each) runs in full on both too.
  runs=1000; [ "$db" = postgresql ] && runs=${FUZZ_RUNS_PG:-1000}
  FUZZ_RUNS=${FUZZ_RUNS:-$runs} PLAYWRIGHT_JSON_OUTPUT_NAME=data/reports/e2e-$db.json npx playwright test --reporter=list,json || fail=1
  cp data/reports/server.log "data/reports/server-$db.log" 2>/dev/null
  reports+=(data/reports/e2e-$db.json)
  if [ "$db" = postgresql ]; then npx tsx test/pg-db.ts drop "$name"; fi
done

step "Operations: standalone server, backup and restore, two instances on one PostgreSQL database"
# test/ops.sh skips the two-instance spec (saying so) when PostgreSQL does not answer.
PLAYWRIGHT_JSON_OUTPUT_NAME=data/reports/ops.json bash test/ops.sh --reporter=list,json || fail=1
reports+=(data/reports/ops.json)

step "Summary"
for db in $databases; do printf '%-11s' "$db:"; node test/summary.mjs data/reports/unit-$db.json data/reports/e2e-$db.json | tail -1; done
node test/summary.mjs "${reports[@]}" || fail=1
echo "databases: $databases; total $(( $(date +%s) - started ))s"
exit $fail
