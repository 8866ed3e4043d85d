import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/dal/session";
import { POLICY_NOTES } from "@/lib/policy";
import { env } from "@/lib/env";
import { Clause } from "@/components/clause";

export const metadata: Metadata = { title: "Bemærkninger til politikken" };

export default async function PolicyNotesPage() {
  await requireStaffPage("/personale/politik");
  return (
    <main>
      <h1>Bemærkninger til persondatapolitikken</h1>
      <p>
        Steder, hvor selve politikteksten bør rettes af den ansvarlige. Portalens kontaktadresse for persondata er{" "}
        <strong data-testid="contact-email">{env.PRIVACY_CONTACT_EMAIL}</strong> (sættes med <code>PRIVACY_CONTACT_EMAIL</code>).
      </p>
      {POLICY_NOTES.map((n) => (
        <section key={n.title} className="card">
          <h2>{n.title}</h2>
          <p className="small">
            Punkter:{" "}
            {n.clauses.map((c, i) => (
              <span key={c}>
                {i ? ", " : ""}
                <Clause n={c} />
              </span>
            ))}
          </p>
          <p>{n.problem}</p>
          <p>
            <strong>Portalen gør indtil da:</strong> {n.meanwhile}
          </p>
        </section>
      ))}
    </main>
  );
}
