import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/dal/session";
import { getRequestForStaff } from "@/lib/dal/requests";
import { formatDate, formatDateTime } from "@/lib/format";
import { STATUS_LABEL, TYPE_LABEL } from "@/components/request-labels";
import { AnnounceRestrictionLiftForm, RecordSignatureForm, RefuseErasureForm, ResolveRequestForm, SendExportButton } from "@/components/staff-forms";
import { CHANNEL_LABEL } from "@/components/request-labels";
import { staffMay } from "@/lib/policy";
import { COMPLAINT_LINE, lastDayKept } from "@/lib/policy";
import { ExecuteErasure } from "@/components/execute-erasure";
import { Clause } from "@/components/clause";
import { DeliveryTable } from "@/components/delivery-table";
import { deliveriesForRequest } from "@/lib/dal/integration-staff";

export const metadata: Metadata = { title: "Anmodning" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/personale/anmodninger/${encodeURIComponent(id)}`);
  const r = await getRequestForStaff(staff, id);
  if (!r) notFound();
  const isDpo = staff.role === "dpo";
  const told = await deliveriesForRequest(staff, r.id);
  return (
    <main>
      <p>
        <Link href="/personale">← Alle anmodninger</Link>
      </p>
      <h1>Anmodning {r.requestNumber}</h1>
      <div className="card">
        <dl className="facts">
          <dt>Type</dt>
          <dd>{TYPE_LABEL[r.type]}</dd>
          <dt>Status</dt>
          <dd data-testid="request-status">{STATUS_LABEL[r.status]}</dd>
          <dt>Oprettet</dt>
          <dd>{formatDateTime(r.createdAt)}</dd>
          <dt>Kom via</dt>
          <dd data-testid="request-channel">
            {CHANNEL_LABEL[r.channel] ?? r.channel}
            {r.receivedAt ? <>, modtaget {formatDate(r.receivedAt)}</> : null}
          </dd>
          <dt>Frist</dt>
          <dd>{formatDate(r.dueAt)}</dd>
          {/* Issue 11.10: the customer number (ours) and the name (the customer's own text) apart, so a
              name like "Karen Jensen, kundenr. 100001" cannot pass for another customer. */}
          <dt>Kundenummer</dt>
          <dd data-testid="customer-number">
            {r.customer ? (
              <>
                <strong>{r.customer.customerNumber}</strong>
                {r.customer.processingRestricted ? <span className="tag"> Begrænset (4.6)</span> : null}
                {r.customer.objectsToAnalytics ? <span className="tag"> Indsigelse (4.8)</span> : null}
              </>
            ) : (
              <span className="muted">Slettet. Pseudonym reference: {r.subjectRef}</span>
            )}
          </dd>
          {r.customer ? (
            <>
              <dt>Navn (skrevet af kunden)</dt>
              <dd data-testid="customer-name">
                <bdi>{r.customer.name}</bdi>
              </dd>
              {r.customer.email ? (
                <>
                  <dt>E-mail</dt>
                  <dd>{r.customer.email}</dd>
                </>
              ) : null}
            </>
          ) : null}
          {r.reason ? (
            <>
              <dt>Kundens begrundelse</dt>
              <dd>
                <bdi>{r.reason}</bdi>
              </dd>
            </>
          ) : null}
          {r.signatureReceivedAt ? (
            <>
              <dt>Underskrift modtaget</dt>
              <dd>{formatDateTime(r.signatureReceivedAt)}</dd>
            </>
          ) : null}
          {r.resolution ? (
            <>
              <dt>Afgørelse</dt>
              <dd>{r.resolution}</dd>
            </>
          ) : null}
          {r.liftNoticeSentAt ? (
            <>
              <dt>Varsel om ophævelse sendt</dt>
              <dd>{formatDateTime(r.liftNoticeSentAt)}</dd>
            </>
          ) : null}
        </dl>
        {r.heldFromRetention ? (
          <p className="notice" data-testid="held-from-retention">
            Kontoen har været inaktiv i over 5 år og ville være slettet efter <Clause n="5.1" />. Den slettes ikke, så længe begrænsningen gælder (
            <Clause n="4.6" />, art. 18). Afgør anmodningen.
          </p>
        ) : null}
      </div>

      {r.plan ? (
        <section className="card" aria-labelledby="plan">
          <h2 id="plan">Det sker ved sletning</h2>
          <h3>Slettes</h3>
          <ul>
            {r.plan.removed.map((x) => (
              <li key={x.title}>
                {x.title}: {x.description}
              </li>
            ))}
          </ul>
          <h3>Beholdes (fakturaer med navn og adresse som udstedt, uden kobling til kontoen)</h3>
          <ul>
            {r.plan.kept.map((x) => (
              <li key={x.title}>
                {x.title}: {x.keeps}
                {x.until ? ` til og med ${formatDate(lastDayKept(x.until))}` : ""} (<Clause n={x.clause} />)
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {r.type === "erasure" && (r.status === "awaiting_signature" || r.status === "signature_received") ? (
        // Stays mounted once the signature is recorded, so the confirmation stays on screen and is announced (issue 13.8).
        <section className="card" aria-labelledby="underskrift">
          <h2 id="underskrift">Underskrevet dokument modtaget</h2>
          {r.status === "awaiting_signature" ? (
            <p className="muted">
              Kontrollér, at dokumentet er personligt underskrevet, og skriv koden fra dokumentet (<Clause n="4.2.2" />
              ).
            </p>
          ) : null}
          <RecordSignatureForm requestId={r.id} recordedAt={r.signatureReceivedAt ? formatDateTime(r.signatureReceivedAt) : undefined} />
        </section>
      ) : null}

      {r.type === "erasure" && (r.status === "signature_received" || r.status === "completed") ? (
        <section className="card" aria-labelledby="gennemfoer">
          <h2 id="gennemfoer">Gennemfør sletning</h2>
          {/* Stays mounted after the erasure, so its status line (aria-live) keeps the result. */}
          {isDpo ? (
            <ExecuteErasure requestId={r.id} ready={r.status === "signature_received"} />
          ) : r.status === "signature_received" ? (
            <p>Kun den databeskyttelsesansvarlige kan gennemføre sletningen (pkt. 6.2).</p>
          ) : (
            <p>Sletningen er gennemført.</p>
          )}
        </section>
      ) : null}

      {r.type === "erasure" && (r.status === "awaiting_signature" || r.status === "signature_received") && isDpo ? (
        <section className="card" aria-labelledby="afvis">
          <h2 id="afvis">Afvis sletningen</h2>
          <p className="muted">
            Kun når oplysningerne skal bruges, fx til at gøre et retskrav gældende (<Clause n="4.5.1" />, art. 17, stk. 3). Kunden får begrundelsen og
            klagevejledningen: {COMPLAINT_LINE} (art. 12, stk. 4)
          </p>
          <RefuseErasureForm requestId={r.id} />
        </section>
      ) : null}

      {r.type === "restriction" && r.status === "open" && isDpo && r.customer ? (
        <section className="card" aria-labelledby="varsel">
          <h2 id="varsel">Varsel om ophævelse</h2>
          <p className="muted">Kunden skal have besked, før en begrænsning ophæves (art. 18, stk. 3).</p>
          <AnnounceRestrictionLiftForm requestId={r.id} sentAt={r.liftNoticeSentAt ? formatDateTime(r.liftNoticeSentAt) : undefined} />
        </section>
      ) : null}

      {(r.type === "access" || r.type === "portability") && r.status === "open" && r.customer ? (
        <section className="card" aria-labelledby="eksport">
          <h2 id="eksport">Send eksporten</h2>
          <p className="muted">
            Kunden får alle sine oplysninger som JSON-fil vedhæftet en e-mail til kontoens adresse (pkt. 4.3, 4.7), og anmodningen afsluttes.
          </p>
          {staffMay(staff.role, "sendExport") ? (
            <SendExportButton requestId={r.id} />
          ) : (
            <p>Kun den databeskyttelsesansvarlige kan sende eksporten (pkt. 6.2).</p>
          )}
        </section>
      ) : null}

      {r.type !== "erasure" && r.status === "open" ? (
        <section className="card" aria-labelledby="afgoer">
          <h2 id="afgoer">Afgør anmodningen</h2>
          {isDpo ? (
            <ResolveRequestForm requestId={r.id} liftBlocked={r.type === "restriction" && !!r.customer && !r.liftNoticeSentAt} />
          ) : (
            <p>Kun den databeskyttelsesansvarlige kan afgøre anmodningen (pkt. 6.2).</p>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="modtagere">
        <h2 id="modtagere">Modtagere underrettet</h2>
        <p className="muted">Hvem af modtagerne i pkt. 3 der har fået besked om det, anmodningen ændrede, og hvem der har bekræftet (GDPR art. 19).</p>
        <DeliveryTable rows={told} canHandle={isDpo} caption={`Modtagere underrettet om ${r.requestNumber}`} />
      </section>
    </main>
  );
}
