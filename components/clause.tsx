import Link from "next/link";
import { clauseHref } from "@/lib/policy/clauses";

/** A citation of the Persondatapolitik that links to the clause. */
export function Clause({ n, children }: { n: string; children?: React.ReactNode }) {
  return <Link href={clauseHref(n)}>{children ?? `pkt. ${n}`}</Link>;
}
