import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { listDeliveries } from "@/lib/dal/integration-staff";
import { listRecipientEndpoints } from "@/lib/dal/integration-deliveries";
import { deliveryFilterSchema } from "@/lib/validation/integration";
import { DeliveryTable } from "@/components/delivery-table";
import { OUTBOX_RETENTION, RECIPIENTS, type RecipientId } from "@/lib/policy";

export const metadata: Metadata = { title: "Modtagere" };

// Issue 9 / GDPR art. 19: which recipients of clause 3 were told of each customer's corrections, consents,
// objections, restrictions and erasures, and which confirmed. Failed deliveries first.
export default async function RecipientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("/personale/modtagere");
  const raw = await searchParams;
  const filter = deliveryFilterSchema.safeParse({ kunde: typeof raw.kunde === "string" ? raw.kunde : undefined });
  const customerNumber = filter.success && filter.data.kunde ? Number(filter.data.kunde) : undefined;
  const [rows, endpoints] = await Promise.all([listDeliveries(staff, { customerNumber }), listRecipientEndpoints()]);
  const problems = rows.filter((r) => r.problem).length;
  const active = new Set(endpoints.filter((e) => e.active).map((e) => e.recipient));
  return (
    <main>
      <h1>Modtagere underrettet</h1>
      <p>
        Når en kunde retter sine oplysninger, giver eller tilbagekalder samtykke, gør indsigelse, får behandlingen begrænset eller bliver slettet, skal hver
        modtager af oplysningerne have besked (GDPR art. 19, Persondatapolitik pkt. 3). Portalen sender beskeden automatisk til modtagere med en adresse; de
        øvrige skal underrettes manuelt. {OUTBOX_RETENTION.clearDescription}
      </p>
      {problems ? (
        <p className="status error" role="status" data-testid="delivery-problems">
          {problems === 1 ? "1 levering kræver handling." : `${problems} leveringer kræver handling.`}
        </p>
      ) : (
        <p className="status ok" role="status">
          Ingen leveringer kræver handling.
        </p>
      )}
      <form method="get" className="inline-form" aria-label="Vis én kunde">
        <div className="field">
          <label htmlFor="kunde">Kundenummer</label>
          <input
            id="kunde"
            name="kunde"
            inputMode="numeric"
            defaultValue={customerNumber ?? ""}
            aria-invalid={filter.success ? undefined : true}
            aria-describedby={filter.success ? undefined : "kunde-error"}
          />
          {filter.success ? null : (
            <p className="field-error" id="kunde-error">
              Kundenummer er kun cifre
            </p>
          )}
        </div>
        <button type="submit">Vis</button>
      </form>
      <DeliveryTable
        rows={rows}
        canHandle={staff.role === "dpo"}
        caption={customerNumber ? `Leveringer for kundenr. ${customerNumber}` : "Seneste leveringer"}
      />
      <h2>Modtageradresser</h2>
      <p className="muted">Sættes op af driften med npm run recipients (aldrig i koden).</p>
      <ul>
        {(Object.keys(RECIPIENTS) as RecipientId[]).map((id) => (
          <li key={id}>
            {RECIPIENTS[id].name} (pkt. {RECIPIENTS[id].clause}): {active.has(id) ? "webhook sat op" : "ingen adresse – underrettes manuelt eller via feed"}
          </li>
        ))}
      </ul>
    </main>
  );
}
