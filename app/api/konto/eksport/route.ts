import { getCustomer } from "@/lib/dal/session";
import { exportChunks } from "@/lib/dal/export";
import { recordAudit } from "@/lib/dal/audit";
import { downloadHeaders, NOT_LOGGED_IN, textStream } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 4.7: "Download dine data (JSON)". Only the logged-in customer's own data; streamed. */
export async function GET(): Promise<Response> {
  const customer = await getCustomer();
  if (!customer) return NOT_LOGGED_IN();
  const now = new Date();
  const chunks = await exportChunks(customer, now);
  if (!chunks) return NOT_LOGGED_IN();
  await recordAudit({ actorType: "customer", actorRef: customer.customerId, subjectRef: customer.customerId, action: "export.download" });
  const filename = `123multiservice-persondata-${customer.customerNumber}-${now.toISOString().slice(0, 10)}.json`;
  return new Response(textStream(chunks), { headers: downloadHeaders("application/json; charset=utf-8", filename) });
}
