import "server-only";
import { db, dbProvider } from "./db";
import { eventEnvelope } from "./integration-deliveries";
import type { ApiPrincipal } from "./integration-apikeys";

// The pull feed (issue 9): GET /api/v1/events?after=<cursor> for a recipient that cannot receive webhooks. The same
// events as the webhooks, for the key's recipient only, in sequence order, a page at a time. Asking for the page
// after a cursor confirms everything up to that cursor: those deliveries count as confirmed ("feed").

export const FEED_PAGE = 100;

/**
 * On PostgreSQL, concurrent transactions can commit out of sequence order, so a reader could pass a sequence number
 * whose transaction has not committed yet and never see it. The feed therefore serves only events older than a few
 * seconds there (transactions that write events are short). SQLite has one writer at a time: no lag is needed.
 */
export const FEED_SETTLE_MS = dbProvider === "postgresql" ? 10_000 : 0;

export interface FeedPage {
  events: ReturnType<typeof eventEnvelope>[];
  next: string;
  hasMore: boolean;
}

export async function feedPage(p: ApiPrincipal, after: number, limit = FEED_PAGE, now = new Date(), settleMs = FEED_SETTLE_MS): Promise<FeedPage> {
  const recipient = p.recipient!;
  if (after > 0) {
    await db.outboundDelivery.updateMany({
      where: { recipient, eventSeq: { lte: after }, status: { in: ["pending", "manual", "failed"] } },
      data: { status: "delivered", deliveredAt: now, confirmation: "feed", claimedUntil: null },
    });
  }
  const rows = await db.outboundDelivery.findMany({
    // A cleared event (retention, OUTBOX_RETENTION) has no data left to serve: the feed skips it.
    where: { recipient, eventSeq: { gt: after }, event: { clearedAt: null, ...(settleMs ? { occurredAt: { lt: new Date(now.getTime() - settleMs) } } : {}) } },
    orderBy: { eventSeq: "asc" },
    take: limit + 1,
    select: { event: { select: { id: true, seq: true, kind: true, occurredAt: true, payload: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => eventEnvelope(r.event, recipient)),
    next: String(page.at(-1)?.event.seq ?? after),
    hasMore: rows.length > limit,
  };
}
