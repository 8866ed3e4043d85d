// What erasure (4.5) removes at once and what is kept, until when and why: read from the categories.
import { CATEGORIES } from "./categories";
import { invoiceRetainUntil, orderRetainUntil, type FinancialYearEnd } from "./retention";

export interface ErasureFacts {
  orders: number;
  lastOrderAt: Date | null;
  invoices: number;
  lastInvoiceAt: Date | null;
}

export interface ErasurePlan {
  removed: { title: string; description: string }[];
  /** `until` is the exclusive end (the first instant it is gone); show it with lastDayKept: "til og med …". */
  kept: { title: string; keeps: string; until: Date | null; clause: string; description: string }[];
}

export function buildErasurePlan(facts: ErasureFacts, fy: FinancialYearEnd): ErasurePlan {
  const plan: ErasurePlan = { removed: [], kept: [] };
  for (const c of CATEGORIES) {
    if (c.erasure.kind === "delete") {
      plan.removed.push({ title: c.title, description: c.erasure.description });
      continue;
    }
    if (c.erasure.kind === "detach-and-retain") {
      let until: Date | null = null;
      let count = 0;
      if (c.id === "koeb") {
        count = facts.orders;
        until = facts.lastOrderAt ? orderRetainUntil(facts.lastOrderAt) : null;
        // 5.3 vs 5.2: an order billed by an invoice is kept until the invoice's date (issue 10 item 3).
        const invoiceUntil = facts.lastInvoiceAt ? invoiceRetainUntil(facts.lastInvoiceAt, fy) : null;
        if (until && invoiceUntil && invoiceUntil > until) until = invoiceUntil;
      } else if (c.id === "fakturaer") {
        count = facts.invoices;
        until = facts.lastInvoiceAt ? invoiceRetainUntil(facts.lastInvoiceAt, fy) : null;
      }
      if (count === 0) {
        plan.removed.push({ title: c.title, description: "Du har ingen." });
        continue;
      }
      plan.kept.push({ title: `${c.title} (${count})`, keeps: c.erasure.keeps, until, clause: c.erasure.clause, description: c.erasure.description });
      continue;
    }
    plan.kept.push({ title: c.title, keeps: c.erasure.keeps, until: null, clause: c.erasure.clause, description: c.erasure.description });
  }
  return plan;
}
