// What a page that fails unexpectedly says (app/error.tsx for the React pages, app/konto/route.ts for /konto): a
// Danish message, never the error's details.
export const ERROR_HEADING = "Noget gik galt";
export const ERROR_TEXT = "Siden kunne ikke vises lige nu. Intet af det, du har gemt, er gået tabt. Prøv igen om lidt.";
