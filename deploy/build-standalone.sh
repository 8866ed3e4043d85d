#!/usr/bin/env bash
# `npm run build:standalone`: a production build and a self-contained server folder, .next/standalone, to copy
# to the server (e.g. /opt/123multiservice/portal). Start it with `node server.js` (deploy/portal.service).
# What Next.js does not put there itself is copied: static assets, public/, the migrations (the server checks
# them at start-up; they are applied from the release checkout with `npm run db:migrate`), and the policy
# text read at run time.
#   SKIP_BUILD=1 reuses the last `next build`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != 1 ]; then NODE_ENV=production node node_modules/next/dist/bin/next build; fi
out=.next/standalone
[ -f "$out/server.js" ] || { echo "no $out/server.js: is output: \"standalone\" set in next.config.mjs?"; exit 1; }
# Never ship the working data: Next's file tracing can pick files from data/ (databases, backups, mail).
rm -rf "$out/data" "$out/test-results"
mkdir -p "$out/.next" "$out/prisma" "$out/lib/policy"
rm -rf "$out/.next/static" "$out/prisma/migrations"
cp -r .next/static "$out/.next/static"
[ -d public ] && cp -r public "$out/"
cp -r prisma/migrations "$out/prisma/migrations"
cp lib/policy/persondatapolitik.txt "$out/lib/policy/"
echo "Standalone server: $out (start: cd $out && node server.js)"
