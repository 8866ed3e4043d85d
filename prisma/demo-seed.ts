// `npm run demo:seed`: puts the demo data, with its published demo logins, into the database of DATABASE_URL
// (or the embedded demo database when it is unset). A configured deployment never gets demo data by itself
// (issue 8); this command is the one way to ask for it, e.g. for the e2e run or a test instance, and it says so.
// It applies the migrations first and refuses a database that already holds customers or staff.
import { migrate } from "./migrate";
import { DEMO_LOGINS, seedIfEmpty } from "./seed";

const url = process.env.DATABASE_URL || "file:./data/portal.db";
const configured = Boolean(process.env.DATABASE_URL);
await migrate(url);
const seeded = await seedIfEmpty(url);
if (!seeded) {
  console.error("demo:seed: databasen har allerede kunder eller personale; der er ikke lagt demodata i den.");
  process.exit(1);
}
console.log(
  [
    `demo:seed: demodata er lagt i ${configured ? "den konfigurerede database (DATABASE_URL)" : "demo-databasen data/portal.db"}.`,
    `Den har nu ${DEMO_LOGINS.length} demo-logins med offentligt kendte adgangskoder (README). Brug den aldrig til rigtige kunder.`,
  ].join("\n"),
);
