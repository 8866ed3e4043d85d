// The part of fontkit (a dependency of @react-pdf/renderer) the PDF test uses to check glyph coverage.
declare module "fontkit" {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
