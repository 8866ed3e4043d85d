// The schemas of the customer's forms, for the browser (issue 12). Every form loads them from this one module
// with `import("@/lib/validation/client")` when the customer first focuses one of its fields
// (components/use-schema-form.ts): zod is then not part of the page's first load. One module on purpose:
// Turbopack keeps only the parts of zod the schemas use when a single lazily loaded module shares it; with
// one import() per schema module it shipped all of zod's core (~21 kB gzip instead of ~18 kB).
// The server actions import the same schemas from their own modules: one schema serves form and action.
export { loginSchema } from "./login";
export { profileSchema } from "./profile";
export { changePasswordSchema } from "./auth";
export { reasonSchema } from "./consent";
export { startErasureSchema } from "./erasure";
export { requestLinkSchema, setPasswordSchema } from "./account-links";
