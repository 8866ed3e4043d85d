import * as z from "zod/mini";
import "./zod";

export const startErasureSchema = z.strictObject({
  /** The customer confirms they have read what is erased and what is kept (4.5.1). */
  understood: z.literal(true, { error: "Bekræft, at du har læst, hvad der slettes og hvad der gemmes" }),
});
export type StartErasureInput = z.input<typeof startErasureSchema>;

export const requestIdSchema = z.strictObject({
  id: z.string({ error: "Ukendt anmodning" }).check(z.minLength(1, "Ukendt anmodning"), z.maxLength(64, "Ukendt anmodning")),
});
