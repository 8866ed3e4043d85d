// The staff forms (/personale, /personale/anmodninger/[id], the deliveries). What a *.bundle.ts file is: ./esbuild-loader.cjs.
export { recordSignatureSchema, resolveRequestSchema, refuseErasureSchema, announceRestrictionLiftSchema, registerMailedRequestSchema } from "../staff";
export { markDeliveryHandledSchema } from "../integration";
