// Prepares a database: applies the migrations. Demo data only when asked (`seedDemo`): `npm start` asks for it
// in the demo (DATABASE_URL unset); a configured deployment gets it only through `npm run demo:seed` (issue 8).
import { migrate } from "./migrate";
import { seedIfEmpty } from "./seed";

export async function setupDatabase(databaseUrl: string, opts: { seedDemo: boolean }): Promise<{ applied: string[]; seeded: boolean }> {
  const applied = await migrate(databaseUrl);
  const seeded = opts.seedDemo ? await seedIfEmpty(databaseUrl) : false;
  return { applied, seeded };
}

// `npm run setup`: migrations only.
if (process.argv[1]?.endsWith("setup.ts")) {
  const url = process.env.DATABASE_URL || "file:./data/portal.db";
  setupDatabase(url, { seedDemo: false }).then(
    (r) => console.log(`Database ready: ${r.applied.length} migrations applied.`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
