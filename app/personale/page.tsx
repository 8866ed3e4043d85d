import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/dal/session";
import { listQueue } from "@/lib/dal/requests";
import { countDeliveryProblems } from "@/lib/dal/integration-staff";
import { formatDate } from "@/lib/format";
import { STATUS_LABEL, TYPE_LABEL } from "@/components/request-labels";
import { RegisterMailedRequestForm } from "@/components/staff-forms";
import { danishWallClock, staffMay } from "@/lib/policy";

export const metadata: Metadata = { title: "Anmodninger" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("/personale");
  const params = await searchParams;
  const [open, closed, deliveryProblems] = await Promise.all([
    listQueue(staff, { open: true }),
    listQueue(staff, { open: false }),
    countDeliveryProblems(staff),
  ]);
  const overdue = open.filter((r) => r.overdue).length;
  return (
    <main>
      <h1>Anmodninger fra kunder</h1>
      {params.adgang === "naegtet" ? (
        <p className="notice" role="status">
          Din rolle giver ikke adgang til den side (pkt. 6.2).
        </p>
      ) : null}
      <p className="muted">
        Sletning, indsigelse og begrænsning. Fristen er én måned fra anmodningen (GDPR art. 12, stk. 3).{" "}
        {overdue ? <strong className="tag overdue">{overdue} over fristen</strong> : null}
      </p>
      {deliveryProblems ? (
        <p className="notice" data-testid="delivery-problems-notice">
          <strong className="tag overdue">{deliveryProblems === 1 ? "1 levering" : `${deliveryProblems} leveringer`} til modtagere kræver handling</strong>{" "}
          <Link href="/personale/modtagere">Se modtagere (GDPR art. 19)</Link>
        </p>
      ) : null}
      {staffMay(staff.role, "registerMailedRequest") ? (
        <section className="card" aria-labelledby="registrer">
          <h2 id="registrer">Anmodning modtaget pr. e-mail eller brev</h2>
          <p className="small">
            Politikkens egen kanal er e-mail (pkt. 4.2.3, 4.5.2). Læg anmodningen i køen her for den kunde, den gælder; den behandles derefter som en anmodning
            fra selvbetjeningen.
          </p>
          <RegisterMailedRequestForm today={todayInDenmark()} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="aabne">
        <h2 id="aabne">Åbne ({open.length})</h2>
        {open.length === 0 ? <p>Ingen åbne anmodninger.</p> : <QueueTable rows={open} />}
      </section>
      <section className="card" aria-labelledby="afsluttede">
        <h2 id="afsluttede">Afsluttede</h2>
        {closed.length === 0 ? <p>Ingen endnu.</p> : <QueueTable rows={closed} />}
      </section>
    </main>
  );
}

function QueueTable({ rows }: { rows: Awaited<ReturnType<typeof listQueue>> }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Nummer</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Kundenr.</th>
            <th scope="col">Navn (kundens eget)</th>
            <th scope="col">Alder</th>
            <th scope="col">Frist</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-overdue={r.overdue ? "true" : undefined}>
              <td>
                <Link href={`/personale/anmodninger/${r.id}`} className="nowrap">
                  {r.requestNumber}
                </Link>
              </td>
              <td>{TYPE_LABEL[r.type]}</td>
              <td>{STATUS_LABEL[r.status]}</td>
              {/* Issue 11.10: the number comes from us, the name from the customer; never one string, so a
                  name like "Karen Jensen, kundenr. 100001" cannot pass for another customer. */}
              <td data-testid="customer-number">{r.customerNumber ?? <span className="muted">Slettet kunde</span>}</td>
              <td data-testid="customer-name">{r.customerNumber ? <bdi>{r.customerName}</bdi> : null}</td>
              <td>{r.ageDays} dage</td>
              <td>
                {formatDate(r.dueAt)} {r.overdue ? <span className="tag overdue">Over fristen</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function todayInDenmark(): string {
  const w = danishWallClock(new Date());
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}
