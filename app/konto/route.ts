import { customerPageAccess } from "@/lib/dal/session";
import { getOverviewSummary } from "@/lib/dal/overview";
import { buildOverviewCards, buildTimeline } from "@/lib/report/overview";
import { parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { rootStylesheets } from "@/lib/build-assets";
import { htmlPage, redirectTo } from "@/lib/http";
import { errorDocument, overviewDocument } from "@/components/overview-html";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * /konto, the customer's overview (issue 13), as markup from a route handler rather than a React page: see
 * components/overview-html.ts. The same checks as every page under /konto (lib/dal/session.ts: the session is
 * looked up on every request); aggregates only (lib/dal/overview.ts), so nothing here grows with the customer's
 * history. GET only (HEAD follows): the page has no forms but "Log ud", which posts to /api/log-ud.
 */
export async function GET(request: Request): Promise<Response> {
  // Next's client router asks for a page's RSC payload when a <Link> leads here; this page has none. Any answer that
  // is not one makes the browser load the page itself, so it gets an empty one without the session or the summary.
  if (request.headers.get("rsc") === "1") return new Response(null, { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  const stylesheets = await rootStylesheets(request.url);
  try {
    const access = await customerPageAccess("/konto");
    if ("redirectTo" in access) return redirectTo(access.redirectTo);
    const now = new Date();
    const summary = await getOverviewSummary(access.customer, now);
    if (!summary) return redirectTo("/log-ind");
    const timeline = buildTimeline(summary, parseFinancialYearEnd(env.FINANCIAL_YEAR_END), now);
    const cards = buildOverviewCards(summary, timeline);
    return htmlPage(overviewDocument({ customer: access.customer, summary, cards, timeline, now, stylesheets }));
  } catch (e) {
    // As app/error.tsx for the React pages: a Danish page, never the error's details (the log has them).
    log("error", "konto.overview_failed", errorFields(e));
    return htmlPage(errorDocument(stylesheets), 500);
  }
}
