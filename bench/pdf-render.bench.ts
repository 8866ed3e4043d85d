// The erasure PDF's render alone, in this process (no HTTP, no database): how much of the route's time is
// react-pdf's layout and the embedded-font subsetting. Run by bench/run.ts, or: `npx tsx bench/pdf-render.bench.ts`.
import type { ErasureDocument } from "../lib/dal/requests";

export async function pdfRenderBench(runs = 60): Promise<{ p50: number; first: number; bytes: number }> {
  (process.env as Record<string, string>).NODE_ENV = "production"; // React's production build, as in `next start`
  const { renderErasurePdf } = await import("../lib/pdf/erasure-document");
  const { buildErasurePlan, parseFinancialYearEnd } = await import("../lib/policy");
  const doc: ErasureDocument = {
    request: {
      requestNumber: "SL-2026-00042",
      createdAt: new Date("2026-11-25T10:00:00Z"),
      dueAt: new Date("2026-12-25T10:00:00Z"),
      status: "awaiting_signature",
    },
    customer: {
      customerNumber: 100001,
      name: "Karen Ærø Sørensen",
      street: "Åbenråvej 1",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      email: "kunde@example.dk",
    },
    verificationCode: "ABCD-EF23",
    plan: buildErasurePlan(
      { orders: 18, lastOrderAt: new Date("2026-10-01T10:00:00Z"), invoices: 18, lastInvoiceAt: new Date("2026-10-01T11:00:00Z") },
      parseFinancialYearEnd("12-31"),
    ),
    contactEmail: "persondata@123multiservice.dk",
  };
  const t0 = performance.now();
  const first = await renderErasurePdf(doc);
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await renderErasurePdf({ ...doc, verificationCode: `ABCD-EF${i % 90}` });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], first: firstMs, bytes: first.length };
}

if (process.argv[1]?.endsWith("pdf-render.bench.ts")) {
  const r = await pdfRenderBench();
  console.log(`erasure PDF render in process: first ${r.first.toFixed(0)} ms (fonts parsed), then p50 ${r.p50.toFixed(1)} ms; ${r.bytes} bytes`);
}
