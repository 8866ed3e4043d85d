// `npm run schemas`: writes the published JSON Schemas (issue 9) into schemas/ from their zod definitions.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { publishedSchemas, schemaText } from "./schemas";

for (const [path, schema] of Object.entries(publishedSchemas())) {
  const file = join("schemas", path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, schemaText(schema));
  console.log(`skrev ${file}`);
}
