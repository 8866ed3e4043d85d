import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { recentAudit } from "@/lib/dal/audit";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Revisionsspor" };

export default async function AuditPage() {
  const staff = await requireStaffPage("/personale/revisionsspor", ["dpo"]);
  const events = await recentAudit(staff, 200);
  return (
    <main>
      <h1>Revisionsspor</h1>
      <p className="muted">De seneste 200 hændelser. Kunder står med en pseudonym reference; ingen personoplysninger i klartekst.</p>
      <div className="card table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Aktør</th>
              <th scope="col">Handling</th>
              <th scope="col">Emne</th>
              <th scope="col">Detaljer</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i}>
                <td>{formatDateTime(e.occurredAt)}</td>
                <td>
                  {e.actorType}:{e.actorRef.slice(0, 10)}
                </td>
                <td>{e.action}</td>
                <td>{e.subjectRef ? e.subjectRef.slice(0, 10) : "–"}</td>
                <td>
                  <code>{JSON.stringify(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
