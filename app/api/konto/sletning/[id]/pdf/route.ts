import { getCustomer } from "@/lib/dal/session";
import { getErasureDocument } from "@/lib/dal/requests";
import { recordAudit } from "@/lib/dal/audit";
import { renderErasurePdf } from "@/lib/pdf/erasure-document";
import { downloadHeaders, NOT_FOUND, NOT_LOGGED_IN } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 4.2.2: the erasure request as a PDF to sign. Only the owner gets it; any other id is 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const customer = await getCustomer();
  if (!customer) return NOT_LOGGED_IN();
  const { id } = await params;
  if (id.length > 64) return NOT_FOUND();
  const doc = await getErasureDocument(customer, id);
  if (!doc) return NOT_FOUND();
  const pdf = await renderErasurePdf(doc);
  // Recorded before the answer, not after it (after()): an erasure carried out meanwhile rewrites this customer's
  // audit events under a pseudonym (lib/dal/erasure.ts), and an event written later would keep the account id.
  await recordAudit({ actorType: "customer", actorRef: customer.customerId, subjectRef: customer.customerId, action: "erasure.pdf_downloaded" });
  return new Response(new Uint8Array(pdf), { headers: downloadHeaders("application/pdf", `sletning-${doc.request.requestNumber}.pdf`) });
}
