"use client";
import { useState, useTransition } from "react";
import { executeErasureAction } from "@/lib/actions/staff";
import { FormStatus } from "./form";

/** "Gennemfør sletning" with an explicit second step instead of a browser dialog. */
export function ExecuteErasure({ requestId, ready }: { requestId: string; ready: boolean }) {
  const [armed, setArmed] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="stack">
      {!ready ? null : !armed ? (
        <button type="button" className="danger" onClick={() => setArmed(true)}>
          Gennemfør sletning
        </button>
      ) : (
        <div className="notice">
          <p>Sletningen kan ikke fortrydes. Kontoen og alle oplysninger, der ikke skal bruges til bogføring, fjernes nu.</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await executeErasureAction({ requestId });
                  setStatus(r);
                  setArmed(false);
                })
              }
            >
              {pending ? "Sletter …" : "Ja, slet kunden nu"}
            </button>
            <button type="button" className="secondary" onClick={() => setArmed(false)}>
              Fortryd
            </button>
          </div>
        </div>
      )}
      <FormStatus status={status} />
    </div>
  );
}
