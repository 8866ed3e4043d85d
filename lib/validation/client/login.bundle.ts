// /log-ind (components/login-form.tsx). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { loginSchema } from "../login";
