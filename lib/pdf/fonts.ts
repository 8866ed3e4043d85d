import path from "node:path";
import { Font } from "@react-pdf/renderer";

// Issue 11 item 9: the erasure PDF must print every name the profile accepts. The PDF's 14 standard fonts
// (Helvetica …) only know Latin-1, so "Łukasz Żółć", Greek, Cyrillic, Vietnamese and Chinese came out
// garbled. Noto Sans (Latin incl. Vietnamese, Greek, Cyrillic) is embedded, with Noto Sans SC as the
// fallback for Chinese (and Japanese kana); react-pdf picks, per character, the first family that has a
// glyph and embeds only the glyphs used (a subset), so a page stays ~10–20 kB. The fonts are registered
// once per process and parsed on first use, then reused by every render (the PDF speed goal, issue 12).

const DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts");

export const PDF_FONT_FILES = {
  regular: path.join(DIR, "noto-sans", "400Regular", "NotoSans_400Regular.ttf"),
  bold: path.join(DIR, "noto-sans", "700Bold", "NotoSans_700Bold.ttf"),
  cjkRegular: path.join(DIR, "noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf"),
  cjkBold: path.join(DIR, "noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf"),
} as const;

/** The font stack of every text in the PDF: Noto Sans, then Noto Sans SC for what it lacks. */
export const PDF_FONT_FAMILY = ["Noto Sans", "Noto Sans SC"];

let registered = false;
let loaded: Promise<void> | null = null;

interface FontkitGlyph {
  codePoints: number[];
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
}

/**
 * fontkit caches one glyph object per glyph id with the characters it was first asked for. Embedding a
 * subset asks for the parts of composite glyphs with no characters (Cyrillic "Т" is built from Latin "T"),
 * so after one PDF with a Cyrillic name every later PDF's "T" had no character behind it and its text
 * extracted as garbage. A glyph asked for again with its characters gets them back before pdfkit reads them.
 */
function keepGlyphCharacters(font: FontkitFont): void {
  const original = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = original(id, codePoints);
    if (glyph && codePoints && codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
}

/** Registers the fonts and parses them once (the first call waits for it; later calls return at once). */
export function loadPdfFonts(): Promise<void> {
  registerPdfFonts();
  loaded ??= (async () => {
    for (const fontFamily of PDF_FONT_FAMILY) {
      for (const fontWeight of [400, 700] as const) {
        const source = Font.getFont({ fontFamily, fontWeight }) as unknown as { load(): Promise<void>; data: FontkitFont | null };
        await source.load();
        if (source.data) keepGlyphCharacters(source.data);
      }
    }
  })();
  return loaded;
}

export function registerPdfFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: "Noto Sans",
    fonts: [
      { src: PDF_FONT_FILES.regular, fontWeight: 400 },
      { src: PDF_FONT_FILES.bold, fontWeight: 700 },
    ],
  });
  Font.register({
    family: "Noto Sans SC",
    fonts: [
      { src: PDF_FONT_FILES.cjkRegular, fontWeight: 400 },
      { src: PDF_FONT_FILES.cjkBold, fontWeight: 700 },
    ],
  });
  // Names, addresses and codes are never hyphenated (and the hyphenation pass costs time on every render).
  Font.registerHyphenationCallback((word) => [word]);
}
