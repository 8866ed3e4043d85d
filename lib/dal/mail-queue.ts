import "server-only";
import { db, type Tx } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList } from "./sql";
import { deliver, MailSendError, removeFromOutbox, type MailAttachment } from "@/lib/mail/transport";
import { DAY_MS, MAIL_QUEUE } from "@/lib/policy/mail";
import { log, errorFields } from "@/lib/log";

// The durable mail queue (issue 8). A message is written to the database — in the transaction of the change
// it tells about, where there is one — and delivered afterwards: at once when possible, else by the mail worker
// (lib/jobs/workers.ts) with backoff. A failed send never undoes or loses the change behind it, and survives a
// restart. Delivered messages keep no recipient or content (lib/policy/mail.ts).

export interface QueuedMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The customer (or staff user) the message concerns: erasure deletes by it. */
  subjectRef?: string | null;
  /** Files sent with the message (the export for a request by e-mail, 4.3, 4.7); removed once delivered. */
  attachments?: MailAttachment[];
}

export type DeliveryOutcome = "sent" | "outbox" | "queued" | "failed";

const CLAIM_MS = 60_000;

/** Puts a message in the queue; pass the transaction of the change so both happen or neither. */
export async function enqueueMail(mail: QueuedMail, tx: Tx | typeof db = db, now: Date = new Date()): Promise<string> {
  const row = await tx.mailMessage.create({
    data: {
      kind: mail.kind,
      subjectRef: mail.subjectRef ?? null,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      nextAttemptAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

export function backoffMs(attempts: number): number {
  return Math.min(MAIL_QUEUE.firstRetryMs * 2 ** Math.max(0, attempts - 1), MAIL_QUEUE.maxRetryMs);
}

/** Claims one message for this sender (no other instance or attempt sends it meanwhile). */
async function claim(id: string, now: Date): Promise<boolean> {
  const r = await db.mailMessage.updateMany({
    where: { id, status: "pending", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  return r.count === 1;
}

/** One delivery attempt of one message. "queued": not delivered now, will be retried. */
export async function attemptDelivery(id: string, now: Date = new Date()): Promise<DeliveryOutcome> {
  if (!(await claim(id, now))) return "queued";
  const m = await db.mailMessage.findUnique({
    where: { id },
    select: { kind: true, toAddress: true, subject: true, text: true, html: true, attempts: true, subjectRef: true, attachments: true },
  });
  if (!m) return "queued";
  try {
    const attachments = m.attachments ? (JSON.parse(m.attachments) as MailAttachment[]) : undefined;
    const via = await deliver({ to: m.toAddress, subject: m.subject, text: m.text, html: m.html, subjectRef: m.subjectRef, attachments });
    // Delivered: nothing personal stays (lib/policy/mail.ts).
    await db.mailMessage.update({
      where: { id },
      data: {
        status: "sent",
        sentAt: new Date(),
        attempts: m.attempts + 1,
        lockedUntil: null,
        lastError: null,
        toAddress: "",
        subject: "",
        text: "",
        html: "",
        attachments: null,
      },
    });
    log("info", "mail.sent", { kind: m.kind, id, via });
    return via === "outbox" ? "outbox" : "sent";
  } catch (e) {
    const attempts = m.attempts + 1;
    const permanent = e instanceof MailSendError && e.permanent;
    const giveUp = permanent || attempts >= MAIL_QUEUE.maxAttempts;
    const lastError = e instanceof MailSendError ? `${e.responseCode ?? ""} ${e.message}`.trim() : ((errorFields(e).message as string) ?? "ukendt fejl");
    await db.mailMessage.update({
      where: { id },
      data: giveUp
        ? { status: "failed", failedAt: now, attempts, lockedUntil: null, lastError }
        : { attempts, lockedUntil: null, lastError, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) },
    });
    log(giveUp ? "error" : "warn", giveUp ? "mail.failed" : "mail.retry", { kind: m.kind, id, attempts, ...errorFields(e) });
    return giveUp ? "failed" : "queued";
  }
}

/** The worker's tick: every due message (a batch at a time), then the queue's retention. */
export async function processMailQueue(now: Date = new Date(), batch = 50): Promise<{ sent: number; retried: number; failed: number; purged: number }> {
  const due = await db.mailMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: batch,
    select: { id: true },
  });
  const counts = { sent: 0, retried: 0, failed: 0, purged: 0 };
  for (const { id } of due) {
    const r = await attemptDelivery(id, now);
    if (r === "sent" || r === "outbox") counts.sent++;
    else if (r === "failed") counts.failed++;
    else counts.retried++;
  }
  counts.purged = await purgeMailQueue(now);
  // Used and expired e-mailed links (lib/dal/account-links.ts) go on the same tick.
  counts.purged += (await db.accountToken.deleteMany({ where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] } })).count;
  return counts;
}

/** Retention of the queue (lib/policy/mail.ts). */
export async function purgeMailQueue(now: Date = new Date()): Promise<number> {
  const r = MAIL_QUEUE.retention;
  const a = await db.mailMessage.deleteMany({ where: { status: "sent", sentAt: { lt: new Date(now.getTime() - r.sentMetadataDays * DAY_MS) } } });
  const b = await db.mailMessage.deleteMany({ where: { status: "failed", failedAt: { lt: new Date(now.getTime() - r.failedDays * DAY_MS) } } });
  return a.count + b.count;
}

/**
 * Erasure (4.5): no stored mail of the people stays readable. Every queued, undelivered or delivered message
 * concerning them goes (by reference or address), in the erasure's transaction; in the demo, their outbox files too.
 */
export async function deleteMailOf(tx: Tx | typeof db, subjectRefs: string[], addresses: string[]): Promise<number> {
  if (subjectRefs.length === 0 && addresses.length === 0) return 0;
  // One statement, each list one parameter (lib/dal/sql.ts): the retention job erases thousands of accounts at once.
  // Two statements, not one with OR: the first then uses the subjectRef index.
  const a = subjectRefs.length ? await tx.$executeRaw`DELETE FROM "MailMessage" WHERE ${inList(Prisma.raw('"subjectRef"'), subjectRefs)}` : 0;
  const b = addresses.length ? await tx.$executeRaw`DELETE FROM "MailMessage" WHERE ${inList(Prisma.raw('"toAddress"'), addresses)}` : 0;
  const n = a + b;
  for (const ref of subjectRefs) await removeFromOutbox(ref, addresses).catch(() => 0);
  return n;
}

export interface UndeliveredMail {
  id: string;
  kind: string;
  /** Only for the dpo (6.2), who may contact the customer another way. */
  to: string | null;
  subject: string;
  status: "pending" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
}

/** Staff (issue 8): messages that could not be delivered (given up) or are still being retried. */
export async function listUndeliveredMail(staff: { role: "support" | "dpo" }, now: Date = new Date()): Promise<UndeliveredMail[]> {
  const rows = await db.mailMessage.findMany({
    where: {
      OR: [{ status: "failed" }, { status: "pending", attempts: { gt: 0 } }, { status: "pending", createdAt: { lt: new Date(now.getTime() - 5 * 60_000) } }],
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    to: staff.role === "dpo" ? r.toAddress : null,
    subject: r.subject,
    status: r.status === "failed" ? "failed" : "pending",
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    nextAttemptAt: r.status === "pending" ? r.nextAttemptAt : null,
  }));
}
