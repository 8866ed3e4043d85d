// The Persondatapolitik text, split into clauses with stable anchors.
// The text is the shop's own (shared/policy/persondatapolitik.txt), copied verbatim into this folder.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ClauseBlock {
  /** "4.2.2", "5a.1", "3" … */
  number: string;
  /** Heading-only lines ("4.2 Dokumentation") have a title and usually no body. */
  text: string;
  depth: number;
}

// Top-level numbers have one or two digits, so "6400 Sønderborg" is not a clause.
const CLAUSE_LINE = /^(\d{1,2}a?(?:\.\d+)*)\.?\s+(.*)$/;

export function parsePolicy(source: string): { title: string; clauses: ClauseBlock[] } {
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  const title = lines.shift()?.trim() ?? "Persondatapolitik";
  const clauses: ClauseBlock[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const m = CLAUSE_LINE.exec(line);
    if (m) {
      clauses.push({ number: m[1], text: m[2].trim(), depth: m[1].split(".").length });
    } else if (clauses.length > 0) {
      // A continuation paragraph belongs to the clause above it.
      clauses[clauses.length - 1].text += "\n" + line;
    }
  }
  return { title, clauses };
}

/** The HTML id of a clause: "4.2.2" → "pkt-4-2-2". */
export function clauseAnchor(clause: string): string {
  return "pkt-" + clause.replace(/\./g, "-");
}

export function clauseHref(clause: string): string {
  return `/persondatapolitik#${clauseAnchor(clause)}`;
}

let cached: { title: string; clauses: ClauseBlock[] } | undefined;

export function loadPolicy(): { title: string; clauses: ClauseBlock[] } {
  cached ??= parsePolicy(readFileSync(path.join(process.cwd(), "lib/policy/persondatapolitik.txt"), "utf8"));
  return cached;
}
