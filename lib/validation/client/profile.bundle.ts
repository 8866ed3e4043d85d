// /konto/oplysninger (name, address, phone and e-mail). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { profileSchema } from "../profile";
