import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/account-link-forms";
import { checkPasswordLink } from "@/lib/dal/account-links";

export const metadata: Metadata = { title: "Vælg adgangskode", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** Behind the e-mailed link (issue 8). Opening it uses nothing: the link is used when the password is saved. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(params.token) ? params.token : null;
  const check = token ? await checkPasswordLink(token) : { ok: false as const };
  return (
    <main className="narrow">
      <h1>{check.ok && check.setup ? "Opret adgang" : "Vælg ny adgangskode"}</h1>
      {check.ok && token ? (
        <>
          <p className="muted">Når adgangskoden er gemt, bliver du logget ud alle andre steder, og linket holder op med at virke.</p>
          <div className="card">
            <SetPasswordForm token={token} submitLabel="Gem adgangskode" />
          </div>
        </>
      ) : (
        <>
          <p role="status">Linket virker ikke længere: det er brugt eller mere end 30 minutter gammelt.</p>
          <p>
            <Link href="/log-ind/glemt-adgangskode">Bed om et nyt link</Link>
          </p>
        </>
      )}
    </main>
  );
}
