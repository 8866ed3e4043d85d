"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FormStatus } from "./form";

type Result = { ok: boolean; message: string };

/** A button that runs one server action with no input and announces the result. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  className,
  redirectTo,
}: {
  action: (input: Record<string, never>) => Promise<Result>;
  label: string;
  pendingLabel?: string;
  className?: string;
  redirectTo?: string;
}) {
  const [status, setStatus] = useState<Result | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div>
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={() => {
          start(async () => {
            const r = await action({});
            setStatus({ ok: r.ok, message: r.message });
            // The action's revalidatePath already refreshed the page.
            if (r.ok && redirectTo) router.push(redirectTo);
          });
        }}
      >
        {pending ? (pendingLabel ?? "Arbejder …") : label}
      </button>
      <FormStatus status={status} />
    </div>
  );
}
