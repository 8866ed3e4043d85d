import "server-only";
import { safeParse, type $ZodError, type $ZodType, type input, type output } from "zod/v4/core";
import { unstable_rethrow } from "next/navigation";
import { revalidatePath } from "next/cache";
import { actorLabel, getPendingSecondFactor, getPrincipal, type CustomerPrincipal, type StaffPrincipal } from "@/lib/dal/session";
import type { PendingStaff, StaffRole } from "@/lib/dal/auth";
import { recordAudit, type AuditEntry } from "@/lib/dal/audit";
import { log, errorFields } from "@/lib/log";
import { PROTOTYPE_KEYS } from "@/lib/security/action-body";

// The one door every mutation goes through: session check → strict zod parse → authorisation →
// the handler → audit event → a small result the form can show. Never throws to the client.

export type FieldErrors = Partial<Record<string, string[]>>;
export type ActionResult<D = undefined> = { ok: true; message: string; data?: D } | { ok: false; message: string; fieldErrors: FieldErrors };

export type Outcome<D> =
  { ok: true; message: string; data?: D; audit?: AuditDetails } | { ok: false; message: string; fieldErrors?: FieldErrors; audit?: AuditDetails };

interface AuditDetails {
  /** Defaults to the customer for customer actions. */
  subjectRef?: string | null;
  details?: AuditEntry["details"];
}

export const MESSAGES = {
  notLoggedIn: "Du er ikke logget ind, eller din session er udløbet. Log ind igen.",
  forbidden: "Du har ikke adgang til at gøre dette.",
  invalid: "Ret de markerede felter og prøv igen.",
  failed: "Noget gik galt hos os, og intet er ændret. Prøv igen om lidt.",
} as const;

function fieldErrorsOf(error: $ZodError): { fieldErrors: FieldErrors; unknownKeys: boolean } {
  const fieldErrors: FieldErrors = {};
  let unknownKeys = false;
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    // A prototype key is an unknown key too (and must never index `fieldErrors`).
    if (issue.code === "unrecognized_keys" || PROTOTYPE_KEYS.has(key)) {
      unknownKeys = true;
      continue;
    }
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { fieldErrors, unknownKeys };
}

type Actor = { kind: "customer"; principal: CustomerPrincipal } | { kind: "staff"; principal: StaffPrincipal | PendingStaff } | { kind: "anonymous" };

function defineAction<S extends $ZodType, D, P>(
  name: string,
  schema: S,
  resolveActor: () => Promise<{ actor: Actor; principal: P } | { denied: "anonymous" | "forbidden"; actor?: string }>,
  handler: (input: output<S>, principal: P) => Promise<Outcome<D>>,
  revalidate: string,
): (raw: input<S>) => Promise<ActionResult<D>> {
  return async (raw: unknown): Promise<ActionResult<D>> => {
    try {
      const who = await resolveActor();
      if ("denied" in who) {
        log("warn", "action.denied", { action: name, reason: who.denied, actor: who.actor ?? "anonymous" });
        return { ok: false, message: who.denied === "anonymous" ? MESSAGES.notLoggedIn : MESSAGES.forbidden, fieldErrors: {} };
      }
      const { actor, principal } = who;
      const actorRef = actor.kind === "customer" ? actor.principal.customerId : actor.kind === "staff" ? actor.principal.staffId : "anonymous";

      const parsed = safeParse(schema, raw);
      if (!parsed.success) {
        const { fieldErrors, unknownKeys } = fieldErrorsOf(parsed.error);
        if (unknownKeys) {
          // ASVS 15.3.3: fields the form does not have (customerId, role …) are refused, not ignored.
          log("warn", "action.unknown_fields", { action: name, actor: `${actor.kind}:${actorRef}` });
          return { ok: false, message: "Forespørgslen indeholdt felter, der ikke kan ændres her. Intet er ændret.", fieldErrors };
        }
        return { ok: false, message: MESSAGES.invalid, fieldErrors };
      }

      const outcome = await handler(parsed.data, principal);
      await recordAudit({
        actorType: actor.kind === "anonymous" ? "system" : actor.kind,
        actorRef,
        action: outcome.ok ? name : `${name}.refused`,
        subjectRef: outcome.audit?.subjectRef !== undefined ? outcome.audit.subjectRef : actor.kind === "customer" ? actorRef : null,
        details: outcome.audit?.details,
      });
      if (!outcome.ok) return { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors ?? {} };
      if (revalidate) revalidatePath(revalidate, "layout");
      return { ok: true, message: outcome.message, data: outcome.data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not errors
      log("error", "action.failed", { action: name, ...errorFields(error) });
      return { ok: false, message: MESSAGES.failed, fieldErrors: {} };
    }
  };
}

/** An action a logged-in customer performs on their own data. */
export function customerAction<S extends $ZodType, D = undefined>(
  name: string,
  schema: S,
  handler: (input: output<S>, customer: CustomerPrincipal) => Promise<Outcome<D>>,
) {
  return defineAction(
    name,
    schema,
    async () => {
      const p = await getPrincipal();
      if (!p) return { denied: "anonymous" as const };
      if (p.kind !== "customer") return { denied: "forbidden" as const, actor: actorLabel(p) };
      return { actor: { kind: "customer" as const, principal: p }, principal: p };
    },
    handler,
    "/konto",
  );
}

/** An action a member of staff with one of `roles` performs (6.2). */
export function staffAction<S extends $ZodType, D = undefined>(
  name: string,
  roles: readonly StaffRole[],
  schema: S,
  handler: (input: output<S>, staff: StaffPrincipal) => Promise<Outcome<D>>,
) {
  return defineAction(
    name,
    schema,
    async () => {
      const p = await getPrincipal();
      if (!p) return { denied: "anonymous" as const };
      if (p.kind !== "staff" || !roles.includes(p.role)) return { denied: "forbidden" as const, actor: actorLabel(p) };
      return { actor: { kind: "staff" as const, principal: p }, principal: p };
    },
    handler,
    "/personale",
  );
}

/**
 * Issue 8 (ASVS 6.3.3): an action of a staff session that has given the password but still owes the second factor:
 * only the code and the first-login set-up (/log-ind/kode, /log-ind/opsaet-kode). Any other session, or none, is
 * refused here; and such a session is refused by every other action (getPrincipal is null for it).
 */
export function pendingStaffAction<S extends $ZodType, D = undefined>(
  name: string,
  schema: S,
  handler: (input: output<S>, pending: PendingStaff) => Promise<Outcome<D>>,
) {
  return defineAction(
    name,
    schema,
    async () => {
      const pending = await getPendingSecondFactor();
      if (pending) return { actor: { kind: "staff" as const, principal: pending }, principal: pending };
      const p = await getPrincipal();
      if (!p) return { denied: "anonymous" as const };
      return { denied: "forbidden" as const, actor: actorLabel(p) };
    },
    handler,
    "",
  );
}

/**
 * An action without a session (issue 8): "Glemt adgangskode?", "Opret adgang", setting a password or confirming
 * an address through an e-mailed link. The link or the answer's sameness is the protection, not a session; the
 * same parse, audit and error handling as every other action.
 */
export function publicAction<S extends $ZodType, D = undefined>(name: string, schema: S, handler: (input: output<S>) => Promise<Outcome<D>>) {
  return defineAction(
    name,
    schema,
    async () => ({ actor: { kind: "anonymous" as const }, principal: null }),
    (input) => handler(input),
    "",
  );
}
