import Link from "next/link";
import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/dal/session";

export default async function Home() {
  const p = await getPrincipal();
  if (p) redirect(p.kind === "staff" ? "/personale" : "/konto");
  return (
    <main>
      <h1>Dine data hos 123multiservice</h1>
      <p>
        Her kan du som kunde se, hvilke personoplysninger vi har om dig og hvorfor, rette dem, hente dem, styre dine samtykker og bede om at få dem slettet.
      </p>
      <p className="actions">
        <Link className="button" href="/log-ind">
          Log ind
        </Link>
        <Link href="/persondatapolitik">Læs vores persondatapolitik</Link>
      </p>
    </main>
  );
}
