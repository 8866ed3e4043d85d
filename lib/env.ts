// The environment, validated once with zod. Nothing else in the app reads process.env
// (prisma.config.ts is CLI tooling and reads DATABASE_URL itself).
//
// Two modes, one rule (issue 8):
// - DATABASE_URL unset (or empty): the embedded **demo**. SQLite at data/portal.db, demo data and demo logins
//   (seeded by `npm start`), mail written to the outbox folder, a development secret unless one is given.
// - DATABASE_URL set: a **configured deployment**, real. Nothing demo happens, and the server refuses to start
//   without NEXTAUTH_SECRET (≥ 32 characters), NEXTAUTH_URL, PRIVACY_CONTACT_EMAIL, SMTP_URL and MAIL_FROM;
//   no default is invented for any of them.
// `npm start` (lib/jobs/start.ts) leaves DATABASE_URL unset in the demo, so the server sees the same mode.
import { z } from "zod";

const DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";
/** The embedded demo database. */
export const DEMO_DATABASE_URL = "file:./data/portal.db";

/** An unset and an empty variable mean the same (`FOO= npm start`). */
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

/** What a configured deployment must set; each named in the refusal when missing (issue 8, 11.10). */
export const REQUIRED_IN_DEPLOYMENT = ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "PRIVACY_CONTACT_EMAIL", "SMTP_URL", "MAIL_FROM"] as const;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_PHASE: z.string().optional(),
    /** `file:…` selects SQLite, `postgresql://…` PostgreSQL (issue 12). */
    DATABASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^(file:|postgres(ql)?:\/\/)/i, "DATABASE_URL skal begynde med file: (SQLite) eller postgresql:// (PostgreSQL)")
        .default(DEMO_DATABASE_URL),
    ),
    NEXTAUTH_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "NEXTAUTH_SECRET skal være mindst 32 tegn").optional()),
    NEXTAUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url("NEXTAUTH_URL skal være en URL, fx https://privatliv.123multiservice.dk").optional()),
    /** Cookies with the Secure flag; on by default in production. */
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    /** The privacy contact address: the policy's own lost it to a spam-protection placeholder (4.2.2, 4.2.3, 4.5.2, 5a.2). */
    PRIVACY_CONTACT_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.email("PRIVACY_CONTACT_EMAIL skal være en e-mailadresse").optional()),
    /** Demo only: the folder the outbox transport writes each message to. */
    MAIL_OUTBOX_DIR: z.string().default("data/outbox"),
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^smtps?:\/\//, "SMTP_URL skal begynde med smtp:// eller smtps://")
        .optional(),
    ),
    MAIL_FROM: optionalText,
    /** Last day of the financial year, MM-DD (5.2). */
    FINANCIAL_YEAR_END: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "FINANCIAL_YEAR_END skal være MM-DD")
      .default("12-31"),
    /** Run the retention pass (clause 5) inside the server: at start when one is due, then daily. On unless "false" (issue 10 item 1). */
    RETENTION_DAILY: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((v) => v !== "false" && v !== "0"),
    /** The header a trusted reverse proxy sets with the client address, e.g. x-forwarded-for. Unset: none is trusted. */
    TRUSTED_PROXY_HEADER: z.string().toLowerCase().optional(),
    /**
     * Issue 8, ASVS 6.3.3: staff with role support log in with a second factor (TOTP) too. The dpo, who can carry
     * out erasure, always does. "true" or "false" (default).
     */
    STAFF_TOTP_FOR_SUPPORT: z
      .enum(["true", "false", ""], { message: 'STAFF_TOTP_FOR_SUPPORT skal være "true" eller "false"' })
      .optional()
      .transform((v) => v === "true"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /**
     * Next.js encrypts the values server actions close over with this AES key (base64 of 16, 24 or 32 bytes,
     * `openssl rand -base64 32`). Read by `next build`; without it each build makes its own. Instances built
     * separately (several machines behind one load balancer) must be built with the same key (issue 12).
     */
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && [16, 24, 32].includes(Buffer.from(v, "base64").length), {
          message: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY skal være base64 af 16, 24 eller 32 byte (openssl rand -base64 32)",
        })
        .optional(),
    ),
    /** `npm start`: the port (default 3000) and the address to listen on (Next.js's own HOSTNAME; default all). */
    PORT: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^\d{1,5}$/, "PORT skal være et portnummer")
        .optional(),
    ),
    HOSTNAME: optionalText,
  })
  .superRefine((env, ctx) => {
    const building = env.NEXT_PHASE === "phase-production-build";
    const configured = !demoFlag;
    if (configured && !building) {
      // A real deployment: every variable named, nothing invented (issue 8).
      for (const name of REQUIRED_IN_DEPLOYMENT) {
        if (env[name] === undefined) {
          ctx.addIssue({ code: "custom", path: [name], message: `mangler: ${MISSING_HINT[name]}` });
        }
      }
    }
    // Refuse to serve in production with the development secret; `next build` may still evaluate modules.
    if (!configured && env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && !building) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "NEXTAUTH_SECRET skal sættes til en rigtig hemmelighed i produktion (npm start laver en i data/.secret)",
      });
    }
    const [m, d] = env.FINANCIAL_YEAR_END.split("-").map(Number);
    const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    if (d > daysInMonth) {
      ctx.addIssue({ code: "custom", path: ["FINANCIAL_YEAR_END"], message: "FINANCIAL_YEAR_END er ikke en gyldig dato" });
    }
  });

const MISSING_HINT: Record<(typeof REQUIRED_IN_DEPLOYMENT)[number], string> = {
  NEXTAUTH_SECRET: "en tilfældig hemmelighed på mindst 32 tegn (fx `openssl rand -base64 48`)",
  NEXTAUTH_URL: "portalens offentlige adresse, fx https://privatliv.123multiservice.dk",
  PRIVACY_CONTACT_EMAIL: "den adresse, kunderne skriver til om persondata (pkt. 4.2.2, 4.2.3, 4.5.2, 5a.2)",
  SMTP_URL: "SMTP-serveren, fx smtps://bruger:kode@mail.example.dk:465",
  MAIL_FROM: 'afsender på al post, fx "123multiservice <privatliv@123multiservice.dk>"',
};

// Set per parse (parseEnv is synchronous, so this is never shared between two parses).
let demoFlag = true;

export type Env = Omit<z.infer<typeof schema>, "NEXTAUTH_SECRET" | "MAIL_FROM" | "PRIVACY_CONTACT_EMAIL"> & {
  NEXTAUTH_SECRET: string;
  MAIL_FROM: string;
  /** Required in a configured deployment; the demo shows its own example address. */
  PRIVACY_CONTACT_EMAIL: string;
  /** True only when DATABASE_URL is unset: the embedded demo (see the top of this file). */
  isDemo: boolean;
  /** "outbox" in the demo without SMTP_URL; otherwise SMTP. */
  mailTransport: "outbox" | "smtp";
};

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  demoFlag = !source.DATABASE_URL;
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    const intro = demoFlag
      ? "Ugyldig konfiguration:"
      : "Ugyldig konfiguration. DATABASE_URL er sat, så dette er en rigtig installation, og den starter ikke uden:";
    throw new ConfigError(`${intro}\n${lines}`);
  }
  const e = result.data;
  const isDemo = demoFlag;
  return {
    ...e,
    isDemo,
    // Demo only: a development secret and the demo's own example addresses (never in a configured deployment,
    // where each is required above). During `next build` nothing is served, so placeholders do no harm.
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? DEV_SECRET,
    MAIL_FROM: e.MAIL_FROM ?? "123multiservice (demo) <noreply@example.dk>",
    PRIVACY_CONTACT_EMAIL: e.PRIVACY_CONTACT_EMAIL ?? (isDemo ? "persondata@example.dk" : ""),
    mailTransport: isDemo && !e.SMTP_URL ? "outbox" : "smtp",
  };
}

export const env: Env = parseEnv(process.env);

/** The embedded demo (DATABASE_URL unset): the only mode with demo data, demo logins and the outbox folder. */
export const isDemo = env.isDemo;
export const isProduction = env.NODE_ENV === "production";
export const secureCookies = env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : isProduction;
