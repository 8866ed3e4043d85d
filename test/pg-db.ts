// Throw-away PostgreSQL databases for the shell scripts (test/run-all.sh, test/e2e.sh):
//   npx tsx test/pg-db.ts answers          exit 0 when TEST_PG_URL answers
//   npx tsx test/pg-db.ts create <name>    prints the new database's URL
//   npx tsx test/pg-db.ts drop <prefix>    drops every database whose name starts with <prefix>
import { createDatabase, dropDatabases, pgAnswers } from "./support/pg";

const [cmd, name] = process.argv.slice(2);
if (cmd === "answers") process.exit((await pgAnswers()) ? 0 : 1);
if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("name: [a-z0-9_]+");
if (cmd === "create") console.log(await createDatabase(name));
else if (cmd === "drop") await dropDatabases(name);
else throw new Error(`unknown command ${cmd}`);
