import type { DeliveryRow } from "@/lib/dal/integration-staff";
import { formatDateTime } from "@/lib/format";
import { DeliveryControls } from "./delivery-controls";

// Which recipients of clause 3 were told of what, and which confirmed (issue 9, GDPR art. 19). Deliveries that need a
// person come first and are marked.

export const DELIVERY_STATUS: Record<DeliveryRow["status"], string> = {
  pending: "Afventer",
  delivered: "Modtaget og bekræftet",
  failed: "Fejlet – opgivet efter 7 dage",
  manual: "Ingen modtageradresse – skal underrettes manuelt",
  handled: "Håndteret manuelt",
};

export function statusText(r: DeliveryRow): string {
  if (r.status === "pending" && r.attempts > 0) return `Fejler – prøver igen (${r.attempts} forsøg)`;
  if (r.status === "delivered" && r.confirmation === "feed") return "Hentet og bekræftet via feed";
  return DELIVERY_STATUS[r.status];
}

export function DeliveryTable({ rows, canHandle, caption }: { rows: DeliveryRow[]; canHandle: boolean; caption: string }) {
  if (rows.length === 0) return <p className="muted">Ingen modtagere er underrettet endnu.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Hændelse</th>
            <th scope="col">Modtager</th>
            <th scope="col">Status</th>
            <th scope="col">Seneste forsøg</th>
            {canHandle ? <th scope="col">Handling</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.problem ? "problem" : undefined} data-testid={`delivery-${r.recipient}`}>
              <td>
                {r.title}
                <br />
                <span className="muted">{formatDateTime(r.occurredAt)}</span>
              </td>
              <td>{r.recipientName}</td>
              <td>
                {r.problem ? <strong className="tag overdue">Kræver handling</strong> : null} {statusText(r)}
                {r.deliveredAt ? <span className="muted"> · {formatDateTime(r.deliveredAt)}</span> : null}
                {r.handledNote ? <span className="muted"> · {r.handledNote}</span> : null}
                {r.lastError && r.status !== "delivered" && r.status !== "handled" ? <span className="muted"> · {r.lastError}</span> : null}
              </td>
              <td>{r.lastAttemptAt ? formatDateTime(r.lastAttemptAt) : "–"}</td>
              {canHandle ? (
                <td>
                  {/* Stays mounted when the delivery is done, so its status line (aria-live) keeps the result. */}
                  <DeliveryControls deliveryId={r.id} label={`${r.title} til ${r.recipientName}`} done={r.status === "delivered" || r.status === "handled"} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
