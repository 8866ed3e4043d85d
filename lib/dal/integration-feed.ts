import "server-only";
import { db } from "./db";
import { eventEnvelope } from "./integration-deliveries";
import type { ApiPrincipal } from "./integration-apikeys";

// The pull feed (issue 9): GET /api/v1/events?after=<cursor> for a recipient that cannot receive webhooks. The same
// events as the webhooks, for the key's recipient only, in sequence order, a page at a time. Asking for the page
// after a cursor confirms everything up to that cursor: those deliveries count as confirmed ("feed").

export const FEED_PAGE = 100;

export interface FeedPage {
  events: ReturnType<typeof eventEnvelope>[];
  next: string;
  hasMore: boolean;
}

export async function feedPage(p: ApiPrincipal, after: number, limit = FEED_PAGE, now = new Date()): Promise<FeedPage> {
  const recipient = p.recipient!;
  if (after > 0) {
    await db.outboundDelivery.updateMany({
      where: { recipient, eventSeq: { lte: after }, status: { in: ["pending", "manual", "failed"] } },
      data: { status: "delivered", deliveredAt: now, confirmation: "feed", claimedUntil: null },
    });
  }
  const rows = await db.outboundDelivery.findMany({
    where: { recipient, eventSeq: { gt: after } },
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
