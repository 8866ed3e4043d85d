import type { Metadata } from "next";
import { loadPolicy, clauseAnchor } from "@/lib/policy/clauses";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Persondatapolitik" };

const PLACEHOLDER = /Denne e-mail adresse bliver beskyttet mod spambots\. Du skal have JavaScript aktiveret for at vise den\.\.?/g;

/** The shop's policy, verbatim, with an anchor per clause. Where the text lost its e-mail address, the configured one is shown beside it. */
export default function PolicyPage() {
  const { title, clauses } = loadPolicy();
  return (
    <main>
      <h1>{title}</h1>
      <p className="muted small">
        Hvert punkt har sit eget link (fx <a href="#pkt-4-5">#pkt-4-5</a>). Kontakt om persondata: {env.PRIVACY_CONTACT_EMAIL}.
      </p>
      {clauses.map((c) => {
        const parts = c.text.split(PLACEHOLDER);
        return (
          <div key={c.number} id={clauseAnchor(c.number)} className={`policy-clause depth-${c.depth}`}>
            <span className="num">{c.number}</span>
            <span className="body">
              {parts.map((p, i) => (
                <span key={i}>
                  {p}
                  {i < parts.length - 1 ? (
                    <span className="tag" title="Adressen mangler i politikteksten">
                      [e-mail: {env.PRIVACY_CONTACT_EMAIL}]
                    </span>
                  ) : null}
                </span>
              ))}
            </span>
          </div>
        );
      })}
    </main>
  );
}
