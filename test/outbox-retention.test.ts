import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import { recordOutboundEvent } from "@/lib/dal/integration-outbox";
import { runRetention } from "@/lib/dal/retention";
import { feedPage } from "@/lib/dal/integration-feed";
import { OUTBOX_RETENTION, parseFinancialYearEnd } from "@/lib/policy";
import { makeCustomer } from "./support/fixtures";

// Storage limitation for the outbox (art. 5(1)(e), issue 9): an event's data (the shop's id and number, corrected
// fields) go OUTBOX_RETENTION.clearDeliveredAfterDays after every recipient has it; the record of who was told
// stays as documentation (art. 19, 5(2)) until OUTBOX_RETENTION.deleteAfterYears.

const fy = parseFinancialYearEnd("12-31");
const DAY = 86_400_000;

async function correctionEvent(at: Date) {
  const c = await makeCustomer();
  await db.customer.update({ where: { id: c.customerId }, data: { externalId: `shop-ret-${c.customerNumber}` } });
  const e = await db.$transaction((tx) =>
    recordOutboundEvent(tx, { kind: "customer.rectified", customerId: c.customerId, fields: { street: "Ny Vej 9" }, occurredAt: at }),
  );
  return { customerId: c.customerId, seq: e!.seq };
}

const event = (seq: number) => db.outboundEvent.findUniqueOrThrow({ where: { seq }, include: { deliveries: true } });

describe("outbox retention (art. 5(1)(e))", () => {
  it("clears an event's data once every recipient has it and the window has passed; keeps who was told; deletes it after the years", async () => {
    const t0 = new Date("2026-01-10T10:00:00Z");
    const done = await correctionEvent(t0);
    const waiting = await correctionEvent(t0);
    await db.outboundDelivery.updateMany({ where: { eventSeq: done.seq }, data: { status: "delivered", deliveredAt: t0 } });
    // One recipient of the other event has not confirmed yet.
    const [first, ...rest] = (await event(waiting.seq)).deliveries;
    await db.outboundDelivery.updateMany({ where: { id: { in: rest.map((d) => d.id) } }, data: { status: "delivered", deliveredAt: t0 } });
    await db.outboundDelivery.update({ where: { id: first.id }, data: { status: "failed" } });

    // Not yet: the window has not passed.
    await runRetention({ now: new Date(t0.getTime() + (OUTBOX_RETENTION.clearDeliveredAfterDays - 1) * DAY), fy, dryRun: false });
    expect((await event(done.seq)).clearedAt).toBeNull();

    const later = new Date(t0.getTime() + (OUTBOX_RETENTION.clearDeliveredAfterDays + 1) * DAY);
    const dry = await runRetention({ now: later, fy, dryRun: true });
    const real = await runRetention({ now: later, fy, dryRun: false });
    expect(dry.find((r) => r.rule === "outbox.clear_delivered")!.count).toBe(real.find((r) => r.rule === "outbox.clear_delivered")!.count);
    const cleared = await event(done.seq);
    expect(cleared.payload).toBe("{}");
    expect(cleared.payload).not.toContain("Ny Vej");
    expect(cleared.clearedAt).toEqual(later);
    expect(cleared.deliveries.every((d) => d.status === "delivered")).toBe(true); // who was told stays
    // A delivery still failing keeps its event's data, so staff can retry it.
    const kept = await event(waiting.seq);
    expect(kept.clearedAt).toBeNull();
    expect(kept.payload).toContain("Ny Vej 9");

    // The pull feed no longer serves a cleared event.
    const recipient = cleared.deliveries[0].recipient;
    const page = await feedPage({ kind: "apikey", keyId: "t", name: "t", scopes: new Set(), recipient: recipient as never }, done.seq - 1, 100, later, 0);
    expect(page.events.map((e) => e.sequence)).not.toContain(done.seq);

    // After the years, the record goes with its deliveries.
    await runRetention({ now: new Date(Date.UTC(2026 + OUTBOX_RETENTION.deleteAfterYears, 0, 11)), fy, dryRun: false });
    expect(await db.outboundEvent.count({ where: { seq: { in: [done.seq, waiting.seq] } } })).toBe(0);
    expect(await db.outboundDelivery.count({ where: { eventSeq: { in: [done.seq, waiting.seq] } } })).toBe(0);
  });
});
