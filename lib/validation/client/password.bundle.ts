// /konto/oplysninger/adgangskode and /personale/konto (change one's own password). What a *.bundle.ts file is:
// ./esbuild-loader.cjs.
export { changePasswordSchema } from "../auth";
