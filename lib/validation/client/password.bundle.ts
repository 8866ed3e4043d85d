// /personale/konto (a member of staff changes their own password). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { changePasswordSchema } from "../auth";
