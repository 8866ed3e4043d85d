"use client";

/** Shown if a page fails unexpectedly: a Danish message, never the error's details. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <h1>Noget gik galt</h1>
      <p role="alert">Siden kunne ikke vises lige nu. Intet af det, du har gemt, er gået tabt. Prøv igen om lidt.</p>
      <p className="actions">
        <button type="button" onClick={() => reset()}>
          Prøv igen
        </button>
        <a href="/konto">Til din konto</a>
      </p>
    </main>
  );
}
