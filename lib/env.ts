// The environment, validated once with zod. Nothing else in the app reads process.env
// (prisma.config.ts is CLI tooling and reads DATABASE_URL itself).
import { z } from "zod";

const DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";

const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z.string().startsWith("file:", "Kun SQLite-URL'er (file:…) understøttes").default("file:./data/portal.db"),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET skal være mindst 32 tegn").default(DEV_SECRET),
    NEXTAUTH_URL: z.url().optional(),
    /** Cookies with the Secure flag; on by default in production. */
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    /** The privacy contact address: the policy's own lost it to a spam-protection placeholder (4.2.2, 4.2.3, 4.5.2, 5a.2). */
    PRIVACY_CONTACT_EMAIL: z.email().default("persondata@123multiservice.dk"),
    MAIL_TRANSPORT: z.enum(["outbox", "smtp"]).default("outbox"),
    MAIL_OUTBOX_DIR: z.string().default("data/outbox"),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("123multiservice <noreply@123multiservice.dk>"),
    /** Last day of the financial year, MM-DD (5.2). */
    FINANCIAL_YEAR_END: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "FINANCIAL_YEAR_END skal være MM-DD")
      .default("12-31"),
    /** Run the retention job (clause 5) once a day inside the server. */
    RETENTION_DAILY: boolish,
    /** The header a trusted reverse proxy sets with the client address, e.g. x-forwarded-for. Unset: none is trusted. */
    TRUSTED_PROXY_HEADER: z.string().toLowerCase().optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    // Refuse to serve in production with the development secret; `next build` may still evaluate modules.
    if (env.NODE_ENV === "production" && env.NEXTAUTH_SECRET === DEV_SECRET && env.NEXT_PHASE !== "phase-production-build") {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "NEXTAUTH_SECRET skal sættes til en rigtig hemmelighed i produktion",
      });
    }
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "SMTP_URL kræves når MAIL_TRANSPORT=smtp" });
    }
    const [m, d] = env.FINANCIAL_YEAR_END.split("-").map(Number);
    const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    if (d > daysInMonth) {
      ctx.addIssue({ code: "custom", path: ["FINANCIAL_YEAR_END"], message: "FINANCIAL_YEAR_END er ikke en gyldig dato" });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Ugyldig konfiguration:\n${lines}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export const isProduction = env.NODE_ENV === "production";
export const secureCookies = env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : isProduction;
