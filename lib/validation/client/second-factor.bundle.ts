// The staff second factor (/log-ind/kode, /log-ind/opsaet-kode, /personale/konto). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { secondFactorSchema, totpCodeSchema } from "../second-factor";
