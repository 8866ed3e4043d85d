import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import { completeExportRequest, exportForRequest, registerMailedRequest } from "@/lib/dal/mailed-requests";
import { resolveRequest } from "@/lib/dal/requests";
import { createRightsRequest, getProfile } from "@/lib/dal/customer";
import { requestDueDate, STAFF_PERMISSIONS, staffMay } from "@/lib/policy";
import { registerMailedRequestSchema } from "@/lib/validation/staff";
import { makeCustomer, makeStaff } from "./support/fixtures";

// Issue 10, item 9: requests by e-mail or letter (4.2.3, 4.5.2) registered by staff for the customer they name,
// due one month after they arrived (art. 12(3)), handled like portal requests; the export goes by e-mail (4.3, 4.7).
// Roles per 6.2 (lib/policy/staff-permissions.ts).

const received = new Date("2026-11-20T09:00:00Z");
const now = new Date("2026-11-25T10:00:00Z");

describe("registering a request that came by e-mail or letter", () => {
  it("finds the customer by number or by e-mail, dates the deadline from arrival, and records the channel", async () => {
    const support = await makeStaff("support");
    const c = await makeCustomer();
    const byNumber = await registerMailedRequest(
      support,
      { customer: String(c.customerNumber), type: "access", channel: "email", receivedAt: received, note: "Send mig mine data" },
      now,
    );
    expect(byNumber).toMatchObject({ ok: true, customerNumber: c.customerNumber });
    if (!byNumber.ok) return;
    expect(byNumber.dueAt).toEqual(requestDueDate(received)); // from arrival, not from registration
    const row = await db.privacyRequest.findUnique({ where: { id: byNumber.id } });
    expect(row).toMatchObject({
      customerId: c.customerId,
      type: "access",
      status: "open",
      channel: "email",
      receivedAt: received,
      registeredBy: support.staffId,
    });
    const byEmail = await registerMailedRequest(
      support,
      { customer: c.email.toUpperCase(), type: "portability", channel: "letter", receivedAt: received, note: "" },
      now,
    );
    expect(byEmail).toMatchObject({ ok: true, customerNumber: c.customerNumber });
  });

  it("an unknown customer, a date in the future and a second open request of the same type are refused", async () => {
    const support = await makeStaff("support");
    const c = await makeCustomer();
    expect(await registerMailedRequest(support, { customer: "999999999", type: "access", channel: "email", receivedAt: received, note: "" }, now)).toEqual({
      ok: false,
      error: "no-customer",
    });
    expect(
      await registerMailedRequest(
        support,
        { customer: c.email, type: "access", channel: "email", receivedAt: new Date(now.getTime() + 86_400_000), note: "" },
        now,
      ),
    ).toEqual({ ok: false, error: "future" });
    await registerMailedRequest(support, { customer: c.email, type: "access", channel: "email", receivedAt: received, note: "" }, now);
    expect(await registerMailedRequest(support, { customer: c.email, type: "access", channel: "email", receivedAt: received, note: "" }, now)).toEqual({
      ok: false,
      error: "already-open",
    });
  });

  it("has the same effects as in the portal: an objection stops behaviour at once, erasure waits for the signature (4.2.2)", async () => {
    const support = await makeStaff("support");
    const c = await makeCustomer();
    await registerMailedRequest(support, { customer: c.email, type: "objection", channel: "letter", receivedAt: received, note: "Særlige grunde" }, now);
    expect((await getProfile(c))!.objectsToAnalytics).toBe(true);
    expect(await db.outboundEvent.count({ where: { subjectRef: c.customerId, kind: "objection.registered" } })).toBe(1);
    const erasure = await registerMailedRequest(support, { customer: c.email, type: "erasure", channel: "email", receivedAt: received, note: "" }, now);
    expect(erasure.ok && (await db.privacyRequest.findUnique({ where: { id: erasure.id } }))?.status).toBe("awaiting_signature");
  });

  it("the schema takes a customer number or an e-mail, a known right and a date", () => {
    const valid = { customer: "100001", type: "access", channel: "email", receivedOn: "2026-11-20", note: "" };
    expect(registerMailedRequestSchema.safeParse(valid).success).toBe(true);
    expect(registerMailedRequestSchema.safeParse({ ...valid, customer: "navn@eksempel.dk" }).success).toBe(true);
    expect(registerMailedRequestSchema.safeParse({ ...valid, customer: "Karen" }).success).toBe(false);
    expect(registerMailedRequestSchema.safeParse({ ...valid, type: "admin" }).success).toBe(false);
    expect(registerMailedRequestSchema.safeParse({ ...valid, receivedOn: "20/11/2026" }).success).toBe(false);
    expect(registerMailedRequestSchema.safeParse({ ...valid, customerId: "x" }).success).toBe(false);
  });
});

describe("sending the export and the roles of 6.2", () => {
  it("the table: support and dpo register; only the dpo sends the export", () => {
    expect(STAFF_PERMISSIONS.registerMailedRequest.roles).toEqual(["support", "dpo"]);
    expect(staffMay("support", "sendExport")).toBe(false);
    expect(staffMay("dpo", "sendExport")).toBe(true);
  });

  it("support is refused in the DAL; the dpo gets the customer's complete export, and the request closes", async () => {
    const support = await makeStaff("support");
    const dpo = await makeStaff("dpo");
    const c = await makeCustomer();
    const other = await makeCustomer();
    const r = await registerMailedRequest(support, { customer: c.email, type: "portability", channel: "email", receivedAt: received, note: "" }, now);
    if (!r.ok) throw new Error("not registered");
    await expect(exportForRequest(support, r.id)).rejects.toThrow("forbidden");
    await expect(completeExportRequest(support, r.id)).rejects.toThrow("forbidden");
    const exp = await exportForRequest(dpo, r.id);
    expect(exp.ok).toBe(true);
    if (!exp.ok) return;
    expect(exp.email).toBe(c.email);
    const json = JSON.parse(exp.json);
    expect(json.profile).toMatchObject({ customerNumber: c.customerNumber, email: c.email });
    expect(exp.json).not.toContain(other.email);
    expect(await completeExportRequest(dpo, r.id)).toBe(true);
    expect(await exportForRequest(dpo, r.id)).toEqual({ ok: false, error: "closed" });
  });

  it("an objection or restriction request is not answered with an export", async () => {
    const dpo = await makeStaff("dpo");
    const c = await makeCustomer();
    const r = await registerMailedRequest(dpo, { customer: c.email, type: "restriction", channel: "email", receivedAt: received, note: "" }, now);
    if (!r.ok) throw new Error("not registered");
    expect(await exportForRequest(dpo, r.id)).toEqual({ ok: false, error: "wrong-type" });
  });

  it("rejecting an access request does not lift the customer's restriction", async () => {
    const support = await makeStaff("support");
    const dpo = await makeStaff("dpo");
    const c = await makeCustomer();
    await createRightsRequest(c, "restriction", "Mine oplysninger er forkerte.");
    const r = await registerMailedRequest(support, { customer: c.email, type: "access", channel: "email", receivedAt: received, note: "" }, now);
    if (!r.ok) throw new Error("not registered");
    expect((await resolveRequest(dpo, r.id, "rejected", "Ikke fra kundens e-mailadresse (4.2.3)")).ok).toBe(true);
    expect((await getProfile(c))!.processingRestricted).toBe(true);
  });
});
