import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { log, errorFields } from "@/lib/log";

// The mail layer. In development (MAIL_TRANSPORT=outbox) every message is written as a JSON file to
// MAIL_OUTBOX_DIR for the developer to read; MAIL_TRANSPORT=smtp sends through SMTP_URL.

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function sendMail(mail: Mail): Promise<void> {
  if (env.MAIL_TRANSPORT === "smtp") {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(env.SMTP_URL!);
    await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  const dir = path.resolve(env.MAIL_OUTBOX_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.json`);
  await writeFile(file, JSON.stringify({ from: env.MAIL_FROM, ...mail, createdAt: new Date().toISOString() }, null, 2), "utf8");
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
