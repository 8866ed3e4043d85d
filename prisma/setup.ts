// Prepares a database: applies migrations and seeds the demo data when it is empty.
import { migrate } from "./migrate";
import { seedIfEmpty } from "./seed";

export async function setupDatabase(databaseUrl: string): Promise<{ applied: string[]; seeded: boolean }> {
  const applied = migrate(databaseUrl);
  const seeded = await seedIfEmpty(databaseUrl);
  return { applied, seeded };
}

if (process.argv[1]?.endsWith("setup.ts")) {
  const url = process.env.DATABASE_URL ?? "file:./data/portal.db";
  setupDatabase(url).then(
    (r) => console.log(`Database ${url}: ${r.applied.length} migrations applied${r.seeded ? ", demo data seeded" : ""}.`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
