// /konto/oplysninger (profile and password), /personale/konto (password). One chunk for both forms of the page:
// they share zod. What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { profileSchema } from "../profile";
export { changePasswordSchema } from "../auth";
