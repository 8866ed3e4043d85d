import "server-only";
import { attemptDelivery, enqueueMail, type DeliveryOutcome } from "@/lib/dal/mail-queue";
import type { Tx } from "@/lib/dal/db";
import { log, errorFields } from "@/lib/log";
import { textToHtml } from "./render";

// Every message the portal sends goes through here (issue 8): into the durable queue in the database, then one
// delivery attempt at once; what fails is retried by the mail worker with backoff (lib/jobs/workers.ts).
// Plain text and HTML, Danish, from MAIL_FROM over SMTP; the demo without SMTP_URL writes to the outbox folder.

export type { DeliveryOutcome };

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Made from the text when not given. */
  html?: string;
  /** What kind of message (no personal data), e.g. "access_report". */
  kind?: string;
  /** The customer (or staff user) it concerns, so that erasure can delete it (4.5). */
  subjectRef?: string | null;
  /** E.g. the export sent for a request that came by e-mail (4.3, 4.7). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

const IMMEDIATE_WAIT_MS = 8_000;

function toQueued(mail: Mail) {
  return {
    kind: mail.kind ?? "message",
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? textToHtml(mail.subject, mail.text),
    subjectRef: mail.subjectRef ?? null,
    attachments: mail.attachments,
  };
}

/** Queue inside the transaction of the change (both or neither); call deliverNow(id) after the commit. */
export async function queueMail(mail: Mail, tx: Tx): Promise<string> {
  return enqueueMail(toQueued(mail), tx);
}

/** One delivery attempt now, waiting at most a few seconds; the worker retries whatever is not delivered. */
export async function deliverNow(id: string): Promise<DeliveryOutcome> {
  const attempt = attemptDelivery(id).catch((e) => {
    log("error", "mail.attempt_failed", { id, ...errorFields(e) });
    return "queued" as const;
  });
  const timeout = new Promise<DeliveryOutcome>((resolve) => setTimeout(() => resolve("queued"), IMMEDIATE_WAIT_MS).unref());
  return Promise.race([attempt, timeout]);
}

/**
 * Queues the message and tries to deliver it at once. "sent": the mail server took it; "outbox": the demo wrote
 * it to the folder (nothing was sent); "queued": it will be retried; "failed": the mail server refused it for good.
 * Throws only when it could not even be queued.
 */
export async function sendMail(mail: Mail): Promise<DeliveryOutcome> {
  const id = await enqueueMail(toQueued(mail));
  return deliverNow(id);
}

/** For a message after a change that has already happened: never throws. False only when it could not be queued. */
export async function sendMailAfterChange(mail: Mail): Promise<boolean> {
  try {
    const outcome = await sendMail(mail);
    return outcome !== "failed";
  } catch (e) {
    log("error", "mail.not_queued", { kind: mail.kind ?? "message", ...errorFields(e) });
    return false;
  }
}

/** Honest words for what happened to a message, for the status line ("never says sent when nothing was sent"). */
export function deliveryText(outcome: DeliveryOutcome, what: string, sentText: string): string {
  switch (outcome) {
    case "sent":
      return sentText;
    case "outbox":
      return `Demo: ${what} er ikke sendt. Demoen sender ingen e-mails; beskeden er gemt i mappen data/outbox.`;
    case "queued":
      return `${capitalise(what)} er ikke sendt endnu, fordi mailserveren ikke svarer. Vi prøver igen automatisk.`;
    case "failed":
      return `${capitalise(what)} kunne ikke sendes: mailserveren afviste den. Personalet kan se den under "Post".`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
