import { readFile } from "node:fs/promises";
import path from "node:path";

/** The text of every page of a PDF, joined (pdfjs-dist, no browser needed). */
export async function pdfText(file: string): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const data = new Uint8Array(await readFile(file));
  const standardFontDataUrl = path.resolve("node_modules/pdfjs-dist/standard_fonts") + "/";
  const doc = await pdfjs.getDocument({ data, standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((it) => ("str" in it ? it.str : "")).join(" ") + "\n";
  }
  return text.replace(/\s+/g, " ");
}
