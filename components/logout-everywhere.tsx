import type { ComponentProps } from "react";
import { ActionButton } from "@/components/action-button";

/**
 * "Log ud på alle enheder" (ASVS 7.4.3), for a customer (/konto/oplysninger/adgangskode) and for staff
 * (/personale/konto): each area passes its own action, which ends every session of the account.
 */
export function LogoutEverywhereCard({ action }: { action: ComponentProps<typeof ActionButton>["action"] }) {
  return (
    <section className="card" aria-labelledby="enheder">
      <h2 id="enheder">Log ud på alle enheder</h2>
      <p className="muted small">Hvis du har været logget ind på en computer, du ikke har adgang til længere.</p>
      <ActionButton action={action} label="Log ud på alle enheder" className="secondary" redirectTo="/log-ind?logget-ud=1" />
    </section>
  );
}
