// `npm run webhooks -- [--once] [--now=ISO]`: delivers the outbox's due events (issue 9) from the command line,
// under the same lease as the server's worker (so it never runs beside it). The server runs this by itself every
// few seconds (lib/jobs/workers.ts); the CLI is for operators and tests.
import { withLease } from "@/lib/dal/lease";
import { runWebhookTick } from "@/lib/webhooks/worker";

const args = process.argv.slice(2);
const nowArg = args.find((a) => a.startsWith("--now="))?.slice(6);
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`Ugyldig --now: ${nowArg}`);
  process.exit(2);
}
const r = await withLease("job:webhooks", 5 * 60_000, () => runWebhookTick(now, { limit: 100 }));
if (!r.ran) {
  console.log("En anden instans leverer lige nu; prøv igen om lidt.");
} else {
  const t = r.result;
  console.log(`leveret=${t.delivered} prøves-igen=${t.retrying} fejlet=${t.failed} kræver-manuel=${t.manual}`);
}
