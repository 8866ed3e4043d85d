// Prisma CLI configuration for the PostgreSQL variant (used by prisma/generate.ts and the migration tool
// with --config). The schema is generated from prisma/schema.prisma; see prisma/providers.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("..", "lib", "generated", "postgresql", "schema.prisma"),
  async adapter() {
    // `prisma migrate diff` between two datamodels connects (and writes nothing), so the migration tool
    // needs some PostgreSQL to answer: TEST_PG_URL, as for the tests.
    return new PrismaPg({ connectionString: process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", idleTimeoutMillis: 1 });
  },
});
