"use server";
import { customerAction } from "./safe-action";
import { emptySchema } from "@/lib/validation/consent";
import { customerAddress } from "@/lib/dal/account-links";
import { consumeRate } from "@/lib/dal/rate-limit";
import { accessReportText } from "@/lib/report/access-report";
import { deliveryText, sendMail } from "@/lib/mail";
import { pseudonym } from "@/lib/log";
import { formatDateTime } from "@/lib/format";

/** 11.8: the report cannot be used to mail anyone: a few a day per account, and only to a confirmed address. */
const ACCESS_REPORT_LIMIT = { max: 3, windowMs: 24 * 60 * 60_000 } as const;

/** 4.3.2: the automatic access report, mailed to the customer's registered, confirmed address. */
export const sendAccessReportAction = customerAction("access_report.send", emptySchema, async (_input, customer) => {
  const address = await customerAddress(customer);
  if (!address) return { ok: false, message: "Kontoen findes ikke længere." };
  if (!address.confirmed) {
    return {
      ok: false,
      message: "Din e-mailadresse er ikke bekræftet endnu. Bekræft den med linket, vi har sendt dig, og prøv så igen.",
      audit: { details: { reason: "unconfirmed-address" } },
    };
  }
  const rate = await consumeRate(pseudonym("report", customer.customerId), ACCESS_REPORT_LIMIT);
  if (!rate.ok) {
    return {
      ok: false,
      message: `Du kan få rapporten sendt højst ${ACCESS_REPORT_LIMIT.max} gange i døgnet. Du kan sende den igen ${formatDateTime(rate.retryAt)}. Du kan altid se den her på siden.`,
      audit: { details: { reason: "rate-limited" } },
    };
  }
  // The data themselves, category by category, with where they came from (4.3, Art. 15(1)(g); lib/report).
  const report = await accessReportText(customer, new Date());
  if (!report) return { ok: false, message: "Kontoen findes ikke længere." };
  const outcome = await sendMail({
    kind: "access_report",
    subjectRef: customer.customerId,
    to: address.email,
    subject: "Din indsigtsrapport fra 123multiservice",
    text: report.text,
  });
  return {
    ok: outcome !== "failed",
    message: deliveryText(outcome, "rapporten", "Rapporten er sendt til din e-mailadresse."),
    ...(outcome === "failed" ? { fieldErrors: {} } : {}),
  };
});
