import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <h1>Siden findes ikke</h1>
      <p>Vi kunne ikke finde den side, du ledte efter. Måske er linket forældet.</p>
      <p className="actions">
        {/* A plain link: /konto is a route handler, not a page the client router can load (app/konto/route.ts). */}
        <a className="button" href="/konto">
          Til din konto
        </a>
        <Link href="/persondatapolitik">Persondatapolitik</Link>
      </p>
    </main>
  );
}
