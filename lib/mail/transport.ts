import "server-only";
import path from "node:path";
import { readdir, readFile, rm } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { ensurePrivateDir, writePrivateFile } from "@/lib/private-files";

// How a message leaves the portal. A configured deployment (and a demo with SMTP_URL) sends through nodemailer
// over SMTP with one shared transport, from MAIL_FROM, plain text and HTML. The demo without SMTP_URL writes
// each message as a JSON file (0600) to MAIL_OUTBOX_DIR: nothing is sent, and callers say so (issue 8).

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Demo outbox only: whom the file concerns, so that erasure can remove it (4.5). */
  subjectRef?: string | null;
  attachments?: MailAttachment[];
}

export class MailSendError extends Error {
  constructor(
    message: string,
    /** SMTP reply code when the server answered (4xx temporary, 5xx permanent). */
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = "MailSendError";
  }
  get permanent(): boolean {
    return this.responseCode !== undefined && this.responseCode >= 500 && this.responseCode < 600;
  }
}

let shared: Transporter | undefined;
async function smtpTransport(): Promise<Transporter> {
  if (!shared) {
    const nodemailer = await import("nodemailer");
    shared = nodemailer.createTransport(env.SMTP_URL, {
      from: env.MAIL_FROM,
      // A mail server that hangs must not hold the queue: the message is retried later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }
  return shared;
}

/** Delivers one message, or throws MailSendError. "outbox" in the demo means: written to a folder, not sent. */
export async function deliver(mail: OutgoingMail): Promise<"smtp" | "outbox"> {
  if (env.mailTransport === "smtp") {
    try {
      await (
        await smtpTransport()
      ).sendMail({
        from: env.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        headers: { "Content-Language": "da" },
      });
      return "smtp";
    } catch (e) {
      const err = e as { message?: string; responseCode?: number };
      throw new MailSendError(
        String(err.message ?? e)
          .replace(/[^\s@<>"]+@[^\s@<>"]+/g, "[e-mail]")
          .slice(0, 300),
        err.responseCode,
      );
    }
  }
  const dir = path.resolve(env.MAIL_OUTBOX_DIR);
  await ensurePrivateDir(dir);
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.json`);
  await writePrivateFile(file, JSON.stringify({ from: env.MAIL_FROM, ...mail, createdAt: new Date().toISOString() }, null, 2));
  return "outbox";
}

/** Demo: removes the outbox files of a person (by reference or address) after erasure (4.5). Returns how many. */
export async function removeFromOutbox(subjectRef: string, addresses: string[]): Promise<number> {
  if (env.mailTransport !== "outbox") return 0;
  const dir = path.resolve(env.MAIL_OUTBOX_DIR);
  const wanted = new Set(addresses.map((a) => a.trim().toLowerCase()));
  let removed = 0;
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return 0;
  }
  for (const f of files) {
    if (!f.endsWith(".json")) continue;
    try {
      const m = JSON.parse(await readFile(path.join(dir, f), "utf8")) as { to?: string; subjectRef?: string };
      if (m.subjectRef === subjectRef || (m.to && wanted.has(m.to.trim().toLowerCase()))) {
        await rm(path.join(dir, f), { force: true });
        removed++;
      }
    } catch {
      // not one of ours
    }
  }
  return removed;
}
