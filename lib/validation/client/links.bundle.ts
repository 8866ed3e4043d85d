// The e-mailed-link pages under /log-ind (request a link, set a password). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { requestLinkSchema, setPasswordSchema } from "../account-links";
