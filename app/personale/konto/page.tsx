import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { StaffPasswordForm } from "@/components/staff-password-form";
import { LogoutEverywhereCard } from "@/components/logout-everywhere";
import { logoutEverywhereStaffAction } from "@/lib/actions/staff-account";
import { RegenerateRecoveryCodesForm } from "@/components/second-factor-forms";
import { secondFactorStatus } from "@/lib/dal/second-factor";
import { secondFactorRequired } from "@/lib/dal/auth";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Din konto" };

/** Issue 8 (staff accounts): change one's own password (ASVS 6.2.3) and end every session (7.4.3). */
export default async function StaffAccountPage() {
  const staff = await requireStaffPage("/personale/konto");
  const factor = await secondFactorStatus(staff.staffId);
  return (
    <main>
      <h1>Din konto</h1>
      <p>Du er logget ind som {staff.name}.</p>
      <section className="card" aria-labelledby="adgangskode">
        <h2 id="adgangskode">Adgangskode</h2>
        <p className="muted small">Når du skifter adgangskode, bliver du logget ud alle steder.</p>
        <StaffPasswordForm />
      </section>
      <section className="card" aria-labelledby="totrin">
        <h2 id="totrin">Totrinsbekræftelse</h2>
        {factor.enrolledAt ? (
          <>
            <p>
              Sat op {formatDateTime(factor.enrolledAt)}. Du har <strong>{factor.recoveryCodesLeft}</strong> ubrugte gendannelseskoder tilbage.
            </p>
            <p className="muted small">
              Nye gendannelseskoder erstatter de gamle, som så ikke virker længere. Skriv koden fra din godkendelsesapp for at lave nye.
            </p>
            <RegenerateRecoveryCodesForm />
          </>
        ) : (
          <p className="muted small">
            {secondFactorRequired(staff.role)
              ? "Ikke sat op endnu."
              : "Din rolle logger ind uden kode fra en godkendelsesapp (driften kan kræve det med STAFF_TOTP_FOR_SUPPORT)."}
          </p>
        )}
      </section>
      <LogoutEverywhereCard action={logoutEverywhereStaffAction} />
    </main>
  );
}
