// The zod every schema in lib/validation uses: zod/mini (tree-shakable), so a form ships a few kB of
// validation instead of the whole classic API, and the very same schema module serves the form on the
// client and the server action. Every field names its own Danish message; this fallback catches the rest.
import * as z from "zod/mini";

z.config({
  customError: (issue) => (issue.code === "unrecognized_keys" ? "Ukendte felter" : issue.code === "invalid_type" ? "Ugyldig værdi" : undefined),
});

export { z };
