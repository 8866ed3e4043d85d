// /konto/oplysninger/adgangskode ("E-mail og adgangskode": both of its forms load this one bundle, so zod comes
// once). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { changeEmailSchema } from "../email-change";
export { changePasswordSchema } from "../auth";
