import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { searchInvoices } from "@/lib/dal/staff";
import { invoiceSearchSchema } from "@/lib/validation/staff";
import { formatDate, formatMoney } from "@/lib/format";
import { Clause } from "@/components/clause";
import { category } from "@/lib/policy";

export const metadata: Metadata = { title: "Fakturaer" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("/personale/fakturaer", ["dpo"]);
  const params = await searchParams;
  const parsed = invoiceSearchSchema.safeParse({ q: typeof params.q === "string" ? params.q : "" });
  const q = parsed.success ? parsed.data.q : "";
  const invoices = parsed.success ? await searchInvoices(staff, q) : [];
  return (
    <main>
      <h1>Fakturaer</h1>
      <p className="muted">
        {category("fakturaer").retention.description} (<Clause n="5.2" />
        ). Efter en sletning står kun det, bogføringen kræver.
      </p>
      <form className="card actions" method="get" role="search">
        <div className="field">
          <label htmlFor="q">Faktura- eller ordrenummer</label>
          <input
            id="q"
            name="q"
            type="text"
            defaultValue={q}
            aria-invalid={parsed.success ? undefined : true}
            aria-describedby={parsed.success ? undefined : "q-error"}
          />
          {!parsed.success ? (
            <p className="field-error" id="q-error">
              {parsed.error.issues[0]?.message}
            </p>
          ) : null}
        </div>
        <button type="submit">Søg</button>
      </form>
      {q && invoices.length === 0 ? <p role="status">Ingen faktura med det nummer.</p> : null}
      {invoices.map((i) => (
        <section key={i.invoiceNumber} className="card" aria-label={`Faktura ${i.invoiceNumber}`}>
          <h2>Faktura {i.invoiceNumber}</h2>
          <dl className="facts">
            <dt>Udstedt</dt>
            <dd>{formatDate(i.issuedAt)}</dd>
            <dt>Tekst</dt>
            <dd>{i.description}</dd>
            <dt>Beløb</dt>
            <dd>
              {formatMoney(i.totalOre)} (heraf moms {formatMoney(i.vatOre)})
            </dd>
            <dt>Faktureret til</dt>
            <dd>{i.billingName ? `${i.billingName}, ${i.billingAddress}` : "Anonymiseret"}</dd>
            <dt>Ordre</dt>
            <dd>{i.orderNumber ?? "–"}</dd>
            <dt>Kundekonto</dt>
            <dd data-testid="invoice-customer">{i.linkedCustomerNumber ?? "Ingen kobling til en kunde"}</dd>
            <dt>Opbevares til</dt>
            <dd>{i.anonymisedAt ? `Anonymiseret ${formatDate(i.anonymisedAt)}` : formatDate(i.retainUntil)}</dd>
          </dl>
        </section>
      ))}
    </main>
  );
}
