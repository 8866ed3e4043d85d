import "server-only";
import { claimDueDeliveries, deferToFeed, eventEnvelope, markAttemptFailed, markDelivered, markNeedsManual } from "@/lib/dal/integration-deliveries";
import { log, errorFields } from "@/lib/log";
import { ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "./signing";

// The webhook worker (issue 9): sends due outbox deliveries as signed HTTP POSTs. It runs under the lease of
// lib/jobs/workers.ts ("webhooks"), so one instance at a time; everything it needs is in the database, so a
// restart loses nothing. A 2xx answer is the recipient's confirmation; anything else is retried with backoff.

export interface TickResult {
  delivered: number;
  retrying: number;
  failed: number;
  manual: number;
}

export async function runWebhookTick(now: Date = new Date(), opts: { limit?: number; timeoutMs?: number } = {}): Promise<TickResult> {
  const result: TickResult = { delivered: 0, retrying: 0, failed: 0, manual: 0 };
  const claimed = await claimDueDeliveries(now, opts.limit ?? 20);
  for (const d of claimed) {
    if (!d.endpoint) {
      if (d.pulls) await deferToFeed(d.id, now);
      else {
        await markNeedsManual(d.id, now);
        result.manual++;
      }
      continue;
    }
    const body = JSON.stringify(eventEnvelope(d.event, d.recipient));
    const timestamp = Math.floor(Date.now() / 1000);
    let error: string;
    try {
      const res = await fetch(d.endpoint.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        headers: {
          "content-type": "application/json",
          "user-agent": "123multiservice-privatliv-webhooks/1",
          [ID_HEADER]: d.event.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(d.endpoint.secret, timestamp, body),
        },
        body,
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) {
        await markDelivered(d.id, res.status, new Date());
        result.delivered++;
        log("info", "webhook.delivered", { recipient: d.recipient, event: d.event.id, attempts: d.attempts + 1 });
        continue;
      }
      error = `HTTP ${res.status}`;
    } catch (e) {
      error = (errorFields(e).message as string | undefined) ?? "netværksfejl";
    }
    const status = await markAttemptFailed(d, error, new Date());
    if (status === "failed") result.failed++;
    else result.retrying++;
    log("warn", "webhook.attempt_failed", { recipient: d.recipient, event: d.event.id, attempts: d.attempts + 1, error, gaveUp: status === "failed" });
  }
  return result;
}
