// /konto/sletning (start an erasure). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { startErasureSchema } from "../erasure";
