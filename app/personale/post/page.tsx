import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { listUndeliveredMail } from "@/lib/dal/mail-queue";
import { formatDateTime } from "@/lib/format";
import { MAIL_QUEUE } from "@/lib/policy";

export const metadata: Metadata = { title: "Post, der ikke er leveret" };

const KIND_LABEL: Record<string, string> = {
  access_report: "Indsigtsrapport (4.3)",
  erasure_receipt: "Kvittering for sletning (4.5)",
  request_decision: "Svar på anmodning (4.6, 4.8)",
  password_reset: "Link til ny adgangskode",
  account_setup: "Link til at oprette adgang",
  email_change_confirm: "Bekræftelse af ny e-mailadresse",
  email_change_notice: "Besked om ændret e-mailadresse",
  email_confirm: "Bekræftelse af e-mailadresse",
  staff_password: "Link til adgangskode (personale)",
};

/** Issue 8: staff see messages the portal could not deliver (given up) or is still retrying. */
export default async function UndeliveredMailPage() {
  const staff = await requireStaffPage("/personale/post");
  const rows = await listUndeliveredMail(staff);
  return (
    <main>
      <h1>Post, der ikke er leveret</h1>
      <p className="muted">
        Beskeder, som mailserveren ikke har taget imod. De prøves igen automatisk (op til {MAIL_QUEUE.maxAttempts} gange); de, der er opgivet, vises her i{" "}
        {MAIL_QUEUE.retention.failedDays} dage, så kunden kan kontaktes på anden vis. Leverede beskeder gemmes ikke.
      </p>
      {rows.length === 0 ? (
        <p data-testid="no-undelivered">Al post er leveret.</p>
      ) : (
        <div className="card table-wrap" tabIndex={0} role="region" aria-label="Ikke leveret post">
          <table>
            <thead>
              <tr>
                <th scope="col">Oprettet</th>
                <th scope="col">Besked</th>
                {staff.role === "dpo" ? <th scope="col">Modtager</th> : null}
                <th scope="col">Status</th>
                <th scope="col">Forsøg</th>
                <th scope="col">Seneste svar fra mailserveren</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>
                    {KIND_LABEL[m.kind] ?? m.kind}
                    <br />
                    <span className="muted">{m.subject}</span>
                  </td>
                  {staff.role === "dpo" ? <td>{m.to}</td> : null}
                  <td>{m.status === "failed" ? "Opgivet" : `Prøves igen ${formatDateTime(m.nextAttemptAt)}`}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
