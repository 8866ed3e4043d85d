"use client";
import { ERROR_HEADING, ERROR_TEXT } from "@/components/error-text";

/** Shown if a page fails unexpectedly: a Danish message, never the error's details. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <h1>{ERROR_HEADING}</h1>
      <p role="alert">{ERROR_TEXT}</p>
      <p className="actions">
        <button type="button" onClick={() => reset()}>
          Prøv igen
        </button>
        <a href="/konto">Til din konto</a>
      </p>
    </main>
  );
}
