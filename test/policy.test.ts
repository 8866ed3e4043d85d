import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CATEGORIES, MODELS_WITHOUT_CUSTOMER_DATA, RECIPIENTS, POLICY_NOTES } from "@/lib/policy";
import { parsePolicy, loadPolicy } from "@/lib/policy/clauses";

const schema = readFileSync("prisma/schema.prisma", "utf8");
const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
const clauseNumbers = new Set(loadPolicy().clauses.map((c) => c.number));

describe("lib/policy covers the data model (issue 2, item 3)", () => {
  it("every Prisma model is in a category or explicitly holds no customer data", () => {
    const covered = new Set([...CATEGORIES.flatMap((c) => c.models), ...Object.keys(MODELS_WITHOUT_CUSTOMER_DATA)]);
    const missing = models.filter((m) => !covered.has(m));
    expect(missing, `models without a policy entry: ${missing.join(", ")}`).toEqual([]);
  });

  it("names no model that does not exist", () => {
    for (const c of CATEGORIES) for (const m of c.models) expect(models).toContain(m);
  });

  it("every category has purpose, legal basis, recipients, retention and erasure, each citing a real clause", () => {
    for (const c of CATEGORIES) {
      for (const cited of [
        c.collected,
        c.purpose,
        c.legalBasis,
        c.retention,
        { clause: c.erasure.kind === "delete" ? c.retention.clause : c.erasure.clause },
      ]) {
        expect(clauseNumbers.has(cited.clause), `${c.id}: clause ${cited.clause}`).toBe(true);
      }
      expect(c.recipients.length).toBeGreaterThan(0);
      expect(c.fields.length).toBeGreaterThan(0);
    }
  });

  it("names every recipient of clause 3 and says the US transfers plainly (3.4)", () => {
    const names = Object.values(RECIPIENTS)
      .map((r) => r.name)
      .join(" ");
    for (const n of ["Dinero", "FreePay", "PostNord", "DBK", "Google Analytics", "Facebook"]) expect(names).toContain(n);
    const us = Object.values(RECIPIENTS).filter((r) => r.country === "USA");
    expect(us.map((r) => r.id).sort()).toEqual(["facebook", "google-analytics"]);
    for (const r of us) expect(r.thirdCountryTransfer).toMatch(/USA/);
    expect(RECIPIENTS.anmeldelse.clause).toBe("3.5");
  });

  it("retention follows clause 5 and 5a", () => {
    const byId = Object.fromEntries(CATEGORIES.map((c) => [c.id, c]));
    expect(byId.konto.retention).toMatchObject({ kind: "inactivity", years: 5, clause: "5.1" });
    expect(byId.fakturaer.retention).toMatchObject({ kind: "financial-year", years: 5, clause: "5.2" });
    expect(byId.koeb.retention).toMatchObject({ kind: "after-event", years: 5, clause: "5.3" });
    expect(byId.markedsfoering.retention).toMatchObject({ kind: "until-withdrawn", clause: "5.4" });
    expect(byId.notifikationer.retention).toMatchObject({ kind: "until-notified", clause: "5a.3" });
  });

  it("the policy notes cite real clauses (issue 4, item 5)", () => {
    for (const n of POLICY_NOTES) for (const c of n.clauses) expect(clauseNumbers.has(c), c).toBe(true);
    const text = POLICY_NOTES.map((n) => n.problem).join(" ");
    expect(text).toMatch(/Privacy Shield/);
    expect(text).toMatch(/4\.9/);
  });

  it("the notes list the flaws found in the text (issue 10, item 12), each with what the portal does meanwhile", () => {
    const cited = new Set(POLICY_NOTES.flatMap((n) => n.clauses));
    // 1.2/1.3 (private vs business customers), the missing art. 21(2) objection, cookies without consent,
    // the documentation demand (art. 12(2)), access (art. 15), portability (art. 20), withdrawal (art. 7(3)), 3.5.
    for (const c of ["1.2", "1.3", "2.1.3", "4.8.1", "2.3.1", "4.2.1", "4.3.1", "4.7.1", "5a.2", "3.5"]) expect(cited, c).toContain(c);
    for (const n of POLICY_NOTES) {
      expect(n.problem.length, n.title).toBeGreaterThan(40);
      expect(n.meanwhile.length, n.title).toBeGreaterThan(20);
      expect(n.meanwhile, n.title).not.toMatch(/\?/); // what the portal does, stated, not asked
    }
  });
});

describe("the policy text", () => {
  it("is the shop's own text, verbatim", () => {
    const shared = "../shared/policy/persondatapolitik.txt";
    let original: string | null = null;
    try {
      original = readFileSync(shared, "utf8");
    } catch {
      original = null; // shared/ is not beside every checkout
    }
    if (original !== null) expect(readFileSync("lib/policy/persondatapolitik.txt", "utf8")).toBe(original);
  });

  it("parses into clauses with stable numbers, and an address is not a clause", () => {
    const { clauses } = parsePolicy("Titel\n\n4.2.2 Tekst\nmere\n6400 Sønderborg\n5a.1. Underretning\n");
    expect(clauses.map((c) => c.number)).toEqual(["4.2.2", "5a.1"]);
    expect(clauses[0].text).toContain("6400 Sønderborg");
    for (const n of ["2.1.1", "3.4", "4.2.2", "4.10.1", "5.1", "5.2", "5.3", "5.4", "5a.3", "6.2", "7.2"]) expect(clauseNumbers.has(n), n).toBe(true);
  });
});
