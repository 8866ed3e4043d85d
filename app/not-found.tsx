import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <h1>Siden findes ikke</h1>
      <p>Vi kunne ikke finde den side, du ledte efter. Måske er linket forældet.</p>
      <p className="actions">
        <Link className="button" href="/konto">
          Til din konto
        </Link>
        <Link href="/persondatapolitik">Persondatapolitik</Link>
      </p>
    </main>
  );
}
