"use server";
import { customerAction } from "./safe-action";
import { emptySchema } from "@/lib/validation/consent";
import { getOverview } from "@/lib/dal/customer";
import { accessReportText, buildAccessReport } from "@/lib/report/access-report";
import { parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";

/** 4.3.2: the automatic access report, mailed to the customer's registered address. */
export const sendAccessReportAction = customerAction("access_report.send", emptySchema, async (_input, customer) => {
  const overview = await getOverview(customer);
  if (!overview) return { ok: false, message: "Kontoen findes ikke længere." };
  const now = new Date();
  const sections = buildAccessReport(overview, parseFinancialYearEnd(env.FINANCIAL_YEAR_END));
  await sendMail({
    to: overview.profile.email,
    subject: "Din indsigtsrapport fra 123multiservice",
    text: accessReportText(overview.profile.name, sections, now),
  });
  return { ok: true, message: "Rapporten er sendt til din e-mailadresse." };
});
