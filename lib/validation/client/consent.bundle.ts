// /konto/samtykke (objection and restriction reasons). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { reasonSchema } from "../consent";
