import * as z from "zod/mini";
import "./zod";

// Issue 11, item 10: Unicode bidirectional controls in free text can make what staff read differ from what
// was typed ("Trojan Source" style: U+202E turns "fdp.exe" around, U+2066 hides a fake "kundenr."). They
// carry nothing a name, address or reason needs, so every free-text field strips them before it is checked.

/** ALM, LRM/RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, and the deprecated format controls U+206A–U+206F. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u206A-\u206F]/g;

export function stripBidi(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

/** A string with bidi controls removed and surrounding space trimmed; add checks with .check(z.minLength(…), …). */
export function freeText(error: string) {
  return z.string({ error }).check(z.overwrite(stripBidi), z.trim());
}
