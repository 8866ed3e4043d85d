// Every schema in lib/validation uses zod/mini (`import * as z from "zod/mini"`, members only, never the
// namespace passed on as a value, so the bundler keeps only what a form uses): a form ships a few kB of
// validation instead of the whole classic API, and the very same schema module serves the form on the client
// and the server action. Every field names its own Danish message; this fallback (imported by each schema
// module for its effect) catches the rest.
import { config } from "zod/mini";

config({
  customError: (issue) => (issue.code === "unrecognized_keys" ? "Ukendte felter" : issue.code === "invalid_type" ? "Ugyldig værdi" : undefined),
});
