import type { Metadata } from "next";
import { ConfirmEmailButton } from "@/components/account-link-forms";

export const metadata: Metadata = { title: "Bekræft e-mailadresse", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** Behind the confirmation link of an e-mail address (issue 8). Nothing changes until the button is pressed. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(params.token) ? params.token : null;
  return (
    <main className="narrow">
      <h1>Bekræft e-mailadresse</h1>
      {token ? (
        <>
          <p className="muted">Tryk på knappen for at bekræfte, at adressen er din. Linket virker én gang og i 30 minutter.</p>
          <ConfirmEmailButton token={token} />
        </>
      ) : (
        <p role="status">Linket er ugyldigt.</p>
      )}
    </main>
  );
}
