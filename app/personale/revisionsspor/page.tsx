import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { searchAudit, type AuditFilter } from "@/lib/dal/audit";
import { danishDayStart, formatDateTime, plural } from "@/lib/format";
import { AUDIT_ACTION_LABEL, auditActionLabel, auditDetailsText } from "@/components/audit-labels";
import { Pager } from "@/components/pager";

export const metadata: Metadata = { title: "Revisionsspor" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

/** The filter from the query string; anything malformed is ignored and said so, never a 500. */
function parseFilter(q: Search): { filter: AuditFilter; values: Record<string, string>; problems: string[] } {
  const values = { kundenr: one(q.kundenr), handling: one(q.handling), fra: one(q.fra), til: one(q.til) };
  const problems: string[] = [];
  const filter: AuditFilter = { page: Number(one(q.side)) || 1 };
  if (values.kundenr) {
    if (/^\d{1,9}$/.test(values.kundenr)) filter.customerNumber = Number(values.kundenr);
    else problems.push("Kundenummeret skal være cifre.");
  }
  if (values.handling) {
    if (values.handling in AUDIT_ACTION_LABEL) filter.action = values.handling;
    else problems.push("Ukendt handling.");
  }
  if (values.fra) {
    const d = danishDayStart(values.fra);
    if (d) filter.from = d;
    else problems.push("Fra-datoen kunne ikke læses.");
  }
  if (values.til) {
    const d = danishDayStart(values.til);
    // "til" is inclusive: up to the start of the next Danish day.
    if (d) {
      const [y, m, day] = values.til.split("-").map(Number);
      filter.to = danishDayStart(new Date(Date.UTC(y, m - 1, day + 1)).toISOString().slice(0, 10)) ?? undefined;
    } else problems.push("Til-datoen kunne ikke læses.");
  }
  return { filter, values, problems };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaffPage("/personale/revisionsspor", ["dpo"]);
  const { filter, values, problems } = parseFilter(await searchParams);
  const result = await searchAudit(staff, filter);
  const qs = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  const base = `/personale/revisionsspor${qs.size ? `?${qs}` : ""}`;
  return (
    <main>
      <h1>Revisionsspor</h1>
      <p className="muted">
        Hvem gjorde hvad og hvornår (pkt. 6.1). Kunder står med kundenummer, medarbejdere med navn; slettede kunder kun med en pseudonym reference. Tidspunkter
        er dansk tid.
      </p>
      <form method="get" className="card filters" aria-label="Filtrér revisionssporet">
        <div className="field">
          <label htmlFor="kundenr">Kundenummer</label>
          <input id="kundenr" name="kundenr" type="text" inputMode="numeric" defaultValue={values.kundenr} />
        </div>
        <div className="field">
          <label htmlFor="handling">Handling</label>
          <select id="handling" name="handling" defaultValue={values.handling}>
            <option value="">Alle</option>
            {Object.entries(AUDIT_ACTION_LABEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fra">Fra og med</label>
          <input id="fra" name="fra" type="date" defaultValue={values.fra} />
        </div>
        <div className="field">
          <label htmlFor="til">Til og med</label>
          <input id="til" name="til" type="date" defaultValue={values.til} />
        </div>
        <div className="actions">
          <button type="submit">Vis</button>
          <a href="/personale/revisionsspor">Nulstil</a>
        </div>
      </form>
      {problems.length ? (
        <p className="notice" role="status">
          {problems.join(" ")} Filteret er ikke brugt.
        </p>
      ) : null}
      <p role="status" data-testid="audit-count">
        {result.unknownCustomer ? `Ingen kunde har kundenummer ${values.kundenr}.` : `${plural(result.total, "hændelse", "hændelser")}.`}
      </p>
      {result.rows.length ? (
        <div className="card table-wrap" role="region" aria-label="Hændelser" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Hvem</th>
                <th scope="col">Handling</th>
                <th scope="col">Kunde</th>
                <th scope="col">Detaljer</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((e, i) => (
                <tr key={i}>
                  <td className="nowrap">{formatDateTime(e.occurredAt)}</td>
                  <td>{e.actorType === "system" ? "Systemet" : (e.actorName ?? `Slettet ${e.actorType === "staff" ? "medarbejder" : "kunde"}`)}</td>
                  <td>{auditActionLabel(e.action)}</td>
                  <td>
                    {e.subjectCustomerNumber ? (
                      <span className="nowrap">kundenr. {e.subjectCustomerNumber}</span>
                    ) : e.subjectRef ? (
                      <span className="small muted">
                        Pseudonym <code>{e.subjectRef.slice(0, 10)}</code>
                      </span>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>{auditDetailsText(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager base={base} page={result.page} pages={result.pages} />
    </main>
  );
}
