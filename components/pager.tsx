import Link from "next/link";
import { pageLabel } from "@/lib/report/labels";

/** Previous/next links for a paged list (?side=N); plain links, no client JavaScript. */
export function Pager({ base, page, pages }: { base: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (p: number) => (p === 1 ? base : `${base}${base.includes("?") ? "&" : "?"}side=${p}`);
  return (
    <nav className="pager" aria-label="Sider">
      {page > 1 ? <Link href={href(page - 1)}>← Nyere</Link> : <span aria-hidden="true" />}
      <span aria-current="page">{pageLabel(page, pages)}</span>
      {page < pages ? <Link href={href(page + 1)}>Ældre →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
