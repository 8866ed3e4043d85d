import "server-only";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { log, errorFields } from "@/lib/log";
import { ensurePrivateDir, writePrivateFile } from "@/lib/private-files";

// The mail layer. A configured deployment sends through SMTP (SMTP_URL, from MAIL_FROM) over one shared
// transport. The demo without SMTP_URL writes each message as a JSON file (0600) to MAIL_OUTBOX_DIR.

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;
async function smtp(): Promise<Transporter> {
  if (!transport) {
    const nodemailer = await import("nodemailer");
    transport = nodemailer.createTransport(env.SMTP_URL!);
  }
  return transport;
}

export async function sendMail(mail: Mail): Promise<void> {
  if (env.mailTransport === "smtp") {
    await (await smtp()).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  const dir = path.resolve(env.MAIL_OUTBOX_DIR);
  await ensurePrivateDir(dir);
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.json`);
  await writePrivateFile(file, JSON.stringify({ from: env.MAIL_FROM, ...mail, createdAt: new Date().toISOString() }, null, 2));
}

/** For a message after a change that has already happened: a failed send is logged, never reported as "nothing changed". */
export async function sendMailAfterChange(mail: Mail): Promise<boolean> {
  try {
    await sendMail(mail);
    return true;
  } catch (e) {
    log("error", "mail.failed", { subject: mail.subject, ...errorFields(e) });
    return false;
  }
}
