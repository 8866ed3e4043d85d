// A real SMTP server in the test process (smtp-server), for the tests of issue 8: the portal sends through
// SMTP exactly as in a deployment, and the test reads what arrives (recipient, subject, text, HTML).
// Used by the unit tests and by Playwright's global setup (e2e/global-setup.ts).
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface ReceivedMail {
  /** The envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  raw: string;
  receivedAt: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Refuse the next n messages with a temporary error (451), as a busy mail server does. */
  failNext(n: number, code?: number): void;
  waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(opts: { port?: number; onMessage?: (m: ReceivedMail) => void } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  let failures = 0;
  let failCode = 451;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = Object.assign(new Error("Prøv igen senere"), { responseCode: failCode });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = parseMessage(raw);
        const mail: ReceivedMail = {
          ...parsed,
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          raw,
          receivedAt: new Date().toISOString(),
        };
        messages.push(mail);
        opts.onMessage?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(n, code = 451) {
      failures = n;
      failCode = code;
    },
    async waitFor(pred, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = messages.find(pred);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("Ingen e-mail modtaget, der passer");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- a small MIME reader: enough for what nodemailer writes (multipart/alternative, quoted-printable, base64,
// RFC 2047 encoded words) ---

function splitHeadBody(raw: string): [string, string] {
  const i = raw.search(/\r?\n\r?\n/);
  if (i < 0) return [raw, ""];
  const m = raw.slice(i).match(/^\r?\n\r?\n/)!;
  return [raw.slice(0, i), raw.slice(i + m[0].length)];
}

function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const j = line.indexOf(":");
    if (j > 0) out[line.slice(0, j).trim().toLowerCase()] = line.slice(j + 1).trim();
  }
  return out;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
    );
}

function qp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(src[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") return qp(body);
  return body;
}

function parseMessage(raw: string): { subject: string; text: string; html: string; headers: Record<string, string> } {
  const [head, body] = splitHeadBody(raw);
  const headers = parseHeaders(head);
  let text = "";
  let html = "";
  const walk = (h: Record<string, string>, b: string) => {
    const type = (h["content-type"] ?? "text/plain").toLowerCase();
    const boundary = /boundary="?([^";]+)"?/i.exec(h["content-type"] ?? "")?.[1];
    if (type.startsWith("multipart/") && boundary) {
      const parts = b.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?\\r?\\n?`));
      for (const part of parts) {
        if (!part.trim()) continue;
        const [ph, pb] = splitHeadBody(part);
        walk(parseHeaders(ph), pb);
      }
    } else if (type.startsWith("text/html")) {
      html += decodeBody(b, h["content-transfer-encoding"]);
    } else if (type.startsWith("text/plain")) {
      text += decodeBody(b, h["content-transfer-encoding"]);
    }
  };
  walk(headers, body);
  return { subject: decodeWords(headers["subject"] ?? ""), text: text.replace(/\r\n/g, "\n"), html, headers };
}
