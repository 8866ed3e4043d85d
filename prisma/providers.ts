// Which database a URL names, and the PostgreSQL variant of the one schema source (issue 12, item 1).
// prisma/schema.prisma is the only schema kept by hand (provider "sqlite"); the PostgreSQL schema is
// derived from it by swapping the datasource provider and the client's output folder, nothing else.
// No driver imports here: the applier, the migration tool and lib/dal all use it.
export type DbProvider = "sqlite" | "postgresql";

export const SCHEMA_PATH = "prisma/schema.prisma";
/** Generated (git-ignored): the PostgreSQL schema and its client. */
export const PG_SCHEMA_PATH = "lib/generated/postgresql/schema.prisma";

export function providerOf(url: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL skal begynde med file: (SQLite) eller postgresql:// (PostgreSQL)`);
}

/** The schema text for `provider`, from the SQLite source text. */
export function schemaFor(provider: DbProvider, source: string, output = "../prisma-pg"): string {
  if (provider === "sqlite") return source;
  let swapped = 0;
  const out = source
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_m, head: string) => {
      swapped++;
      return `${head}"postgresql"`;
    })
    .replace(/(datasource\s+db\s*\{[^}]*?url\s*=\s*)"[^"]*"/, (_m, head: string) => `${head}"postgresql://localhost/unused"`)
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"[^"]*"/, (_m, head: string) => {
      swapped++;
      return `${head}"${output}"`;
    });
  if (swapped !== 2) throw new Error("prisma/schema.prisma: datasource provider or generator output not found");
  return `// GENERATED from prisma/schema.prisma by prisma/generate.ts: do not edit.\n${out}`;
}
