import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { renderErasurePdf } from "@/lib/pdf/erasure-document";
import { PDF_FONT_FILES } from "@/lib/pdf/fonts";
import { buildErasurePlan, parseFinancialYearEnd } from "@/lib/policy";
import type { ErasureDocument } from "@/lib/dal/requests";
import { pdfTextOf } from "./support/pdf-text";

// Issue 11 item 9 (and pkt. 4.2.2): the erasure document prints the customer's name and address as the profile
// accepts them, in any of the scripts customers use; checked by extracting the text from the PDF itself.

const NAMES: Record<string, { name: string; street: string; city: string }> = {
  danish: { name: "Karen Ærø Sørensen", street: "Åbenråvej 1", city: "Sønderborg" },
  polish: { name: "Łukasz Żółć", street: "Świętokrzyska 12", city: "Łódź" },
  greek: { name: "Ελένη Παπαδοπούλου", street: "Οδός Ερμού 5", city: "Αθήνα" },
  cyrillic: { name: "Анна Иванова", street: "Тверская улица 7", city: "Москва" },
  vietnamese: { name: "Nguyễn Thị Minh Khai", street: "Đường Lê Lợi 3", city: "Huế" },
  chinese: { name: "王小明", street: "长安街 8号", city: "北京" },
};

function doc(c: { name: string; street: string; city: string }): ErasureDocument {
  const created = new Date("2026-11-25T10:00:00Z");
  return {
    request: { requestNumber: "SL-2026-00042", createdAt: created, dueAt: new Date("2026-12-25T10:00:00Z"), status: "awaiting_signature" },
    customer: { customerNumber: 100042, name: c.name, street: c.street, postalCode: "6400", city: c.city, country: "DK", email: "kunde@example.dk" },
    verificationCode: "ABCD-EF23",
    plan: buildErasurePlan(
      { orders: 2, lastOrderAt: new Date("2026-01-05T10:00:00Z"), invoices: 2, lastInvoiceAt: new Date("2026-01-05T11:00:00Z") },
      parseFinancialYearEnd("12-31"),
    ),
    contactEmail: "persondata@123multiservice.dk",
  };
}

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

/** The names of the fonts embedded in the PDF (e.g. "ABCDEF+NotoSans-Regular"). */
function embeddedFonts(pdf: Buffer): string[] {
  return [...pdf.toString("latin1").matchAll(/\/BaseFont \/([A-Za-z0-9+\-]+)/g)].map((m) => m[1]);
}

describe("the erasure PDF prints every script a name may be written in (issue 11.9)", () => {
  for (const [script, c] of Object.entries(NAMES)) {
    it(`${script}: ${c.name}`, async () => {
      const pdf = await renderErasurePdf(doc(c));
      const text = squash(await pdfTextOf(pdf));
      expect(text).toContain(squash(`Navn${c.name}`));
      expect(text).toContain(squash(`${c.street}, 6400 ${c.city}`));
      expect(text).toContain("ABCD-EF23");
      // Every letter has a real glyph (a missing one would still extract but print as an empty box).
      const fonts = [fontkit.openSync(PDF_FONT_FILES.regular), fontkit.openSync(PDF_FONT_FILES.cjkRegular)];
      const missing = [...(c.name + c.street + c.city)].filter((ch) => ch.trim() && !fonts.some((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!)));
      expect(missing).toEqual([]);
      const embedded = embeddedFonts(pdf);
      expect(embedded.some((f) => /\+NotoSans-/.test(f))).toBe(true);
      if (script === "chinese") expect(embedded.some((f) => /\+NotoSansSC-/.test(f))).toBe(true);
    });
  }

  it("a PDF made after one with a Cyrillic name still extracts its Latin letters (fontkit's shared glyph cache)", async () => {
    await renderErasurePdf({ ...doc(NAMES.cyrillic), verificationCode: "CYRL-0001" }); // a new document, not a cached one
    const text = squash(await pdfTextOf(await renderErasurePdf(doc({ name: "Thomas Tøttrup", street: "Torvet 1", city: "Tønder" }))));
    expect(text).toContain("NavnThomasTøttrup");
    expect(text).toContain("Torvet1,6400Tønder");
  });

  it("a document asked for again comes from the render cache; any change in what it shows renders anew", async () => {
    const a = await renderErasurePdf(doc(NAMES.polish));
    expect(await renderErasurePdf(doc(NAMES.polish))).toBe(a);
    const b = await renderErasurePdf({ ...doc(NAMES.polish), verificationCode: "WXYZ-0002" });
    expect(b).not.toBe(a);
    expect(squash(await pdfTextOf(b))).toContain("WXYZ-0002");
  });

  it("embeds subsets, not whole fonts: a page with a Chinese name stays small", async () => {
    const pdf = await renderErasurePdf(doc(NAMES.chinese));
    expect(pdf.length).toBeLessThan(200_000);
    expect(readFileSync(PDF_FONT_FILES.cjkRegular).length).toBeGreaterThan(5_000_000);
  });
});
