import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DEMO } from "./helpers";
import { TEST_PASSWORD } from "./fixtures";

// Issue 5, item 9 (ASVS 16): runs last (file order) and reads the server log of the whole e2e run.
// Security events are structured JSON lines; no password, token, session cookie or e-mail address in clear.

test("the run's server log has the security events and no secrets or e-mail addresses", () => {
  const log = readFileSync("data/reports/server.log", "utf8");
  const lines = log.split("\n").filter((l) => l.startsWith("{"));
  const events = lines.map((l) => JSON.parse(l) as { t: string; level: string; event: string; actor?: string });
  for (const e of events) {
    expect(e.t).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(["debug", "info", "warn", "error"]).toContain(e.level);
  }
  const names = new Set(events.map((e) => e.event));
  for (const needed of ["login.succeeded", "login.failed", "login.throttled", "action.denied", "access.denied"]) expect(names, needed).toContain(needed);
  // Denied access names the actor (a kind and a random id, never a person).
  expect(events.some((e) => e.event === "action.denied" && /^(customer|staff):/.test(e.actor ?? ""))).toBe(true);

  const secrets = [...Object.values(DEMO).map((d) => d.password), TEST_PASSWORD, "et-nyt-sikkert-kodeord-9", "e2e-secret-e2e-secret-e2e-secret"];
  for (const s of secrets) expect(log.includes(s), `log contains a password or secret`).toBe(false);
  expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.(dk|test|example)\b/); // no e-mail address
  expect(log).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/); // no JWT/JWE
  expect(log).not.toMatch(/session-token=/);
  // No unhandled errors, no stack traces.
  expect(events.filter((e) => e.level === "error")).toEqual([]);
  expect(log).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(log).not.toMatch(/⨯|Unhandled/);
});
