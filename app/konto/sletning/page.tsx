import type { Metadata } from "next";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { listMyRequests, myErasurePlan, OPEN_STATUSES } from "@/lib/dal/requests";
import { formatDate } from "@/lib/format";
import { CONTROLLER, lastDayKept } from "@/lib/policy";
import { env } from "@/lib/env";
import { Clause } from "@/components/clause";
import { STATUS_LABEL } from "@/components/request-labels";
import { CancelErasureButton, StartErasureForm } from "@/components/erasure-controls";

export const metadata: Metadata = { title: "Slet dine data" };

export default async function ErasurePage() {
  const customer = await requireCustomerPage("/konto/sletning");
  const [plan, requests] = await Promise.all([myErasurePlan(customer), listMyRequests(customer)]);
  const erasures = requests.filter((r) => r.type === "erasure");
  const open = erasures.find((r) => OPEN_STATUSES.includes(r.status));
  return (
    <AccountFrame customer={customer} path="/konto/sletning">
      <main>
        <h1>Slet dine data</h1>
        <p>
          Du har ret til at få dine personoplysninger slettet, undtagen det vi skal gemme for at overholde bogføringsloven eller for at gøre et retskrav
          gældende (<Clause n="4.5.1" />
          ). For at sikre, at det er dig, skal du underskrive anmodningen personligt og sende den til os (<Clause n="4.2.2" />
          ).
        </p>

        <section className="card" aria-labelledby="slettes">
          <h2 id="slettes">Det sletter vi</h2>
          <p className="small muted">
            Når vi har modtaget din underskrevne anmodning, gennemfører en medarbejder sletningen, senest på svarfristen. Indtil da er intet slettet.
          </p>
          <ul>
            {plan.removed.map((x) => (
              <li key={x.title}>
                <strong>{x.title}</strong>: {x.description}
              </li>
            ))}
          </ul>
          <h2>Det gemmer vi, fordi loven kræver det</h2>
          {plan.kept.length === 0 ? <p>Intet.</p> : null}
          <ul>
            {plan.kept.map((x) => (
              <li key={x.title}>
                <strong>{x.title}</strong>: {x.description}
                {x.until ? (
                  <>
                    {" "}
                    <strong>Gemmes til og med {formatDate(lastDayKept(x.until))}</strong>.
                  </>
                ) : null}{" "}
                (<Clause n={x.clause} />)
              </li>
            ))}
          </ul>
        </section>

        {open ? (
          <section className="card" aria-labelledby="din-anmodning">
            <h2 id="din-anmodning">Din anmodning {open.requestNumber}</h2>
            <p>
              Status: <strong data-testid="erasure-status">{STATUS_LABEL[open.status]}</strong>. Oprettet {formatDate(open.createdAt)}; vi svarer senest{" "}
              {formatDate(open.dueAt)}.
            </p>
            {open.status === "awaiting_signature" ? (
              <>
                <ol>
                  <li>
                    <a href={`/api/konto/sletning/${open.id}/pdf`} download>
                      Hent anmodningen som PDF
                    </a>
                  </li>
                  <li>Underskriv den personligt.</li>
                  <li>
                    Send den indscannet til <a href={`mailto:${env.PRIVACY_CONTACT_EMAIL}`}>{env.PRIVACY_CONTACT_EMAIL}</a> eller med posten til{" "}
                    {CONTROLLER.name}, {CONTROLLER.street}, {CONTROLLER.postalCode} {CONTROLLER.city}.
                  </li>
                </ol>
                <CancelErasureButton id={open.id} />
              </>
            ) : (
              <p>Vi har modtaget din underskrift og gennemfører sletningen. Du får besked, når det er sket.</p>
            )}
          </section>
        ) : (
          <section className="card" aria-labelledby="start">
            <h2 id="start">Start sletning</h2>
            <p className="small muted">Du kan annullere anmodningen, indtil vi har modtaget din underskrift.</p>
            <StartErasureForm />
          </section>
        )}

        {erasures.filter((r) => r !== open).length ? (
          <section className="card" aria-labelledby="tidligere">
            <h2 id="tidligere">Tidligere anmodninger</h2>
            <ul>
              {erasures
                .filter((r) => r !== open)
                .map((r) => (
                  <li key={r.id}>
                    {r.requestNumber}: {STATUS_LABEL[r.status]} ({formatDate(r.closedAt ?? r.createdAt)})
                    {r.status === "rejected" || (r.status === "cancelled" && r.resolution?.startsWith("Udløbet")) ? <>. {r.resolution}</> : null}
                  </li>
                ))}
            </ul>
          </section>
        ) : null}
      </main>
    </AccountFrame>
  );
}
