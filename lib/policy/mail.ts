// The mail queue (lib/dal/mail-queue.ts) holds copies of what the portal sends: the recipient's address and the
// message itself (an access report holds everything about the customer). The policy says nothing about it, so
// the rule is storage limitation (GDPR art. 5(1)(e)) and security (6.1): kept no longer than delivery needs.

export const MAIL_QUEUE = {
  /** Attempts before a message is given up and shown to staff as undelivered. */
  maxAttempts: 10,
  /** Backoff between attempts: 30 s, 1 min, 2 min … capped at 2 hours (≈ 6 hours in all). */
  firstRetryMs: 30_000,
  maxRetryMs: 2 * 60 * 60_000,
  retention: {
    /** Delivered: recipient, subject and body are cleared at delivery; the bare record (kind, times) goes after this. */
    sentMetadataDays: 30,
    /** Given up: kept with its content this long so staff can act on it (contact the customer another way), then deleted. */
    failedDays: 14,
    clause: "6.1",
    reason:
      "Beskeden og modtagerens adresse gemmes kun, til beskeden er leveret (GDPR art. 5, stk. 1, litra e). Leverede beskeder beholder kun art og tidspunkt i 30 dage til drift; beskeder, der ikke kunne leveres, vises for personalet i 14 dage og slettes derefter. Ved sletning af en konto (pkt. 4.5) slettes alle kundens beskeder i køen.",
  },
} as const;

/** Days to milliseconds, for the retention of the queue. */
export const DAY_MS = 86_400_000;
