import { timelineAxis, type TimelineEntry } from "@/lib/report/overview";
import { markup, innerHtml, type SafeHtml } from "@/lib/html";

// When each category of the customer's data is deleted or anonymised (issue 13.2): server-rendered SVG bars
// on one axis from today, no client JavaScript. The structure is an ordered list, so a screen reader reads
// one sentence per category; the bars and the year labels are decoration (aria-hidden) of what the text says.
// The list is built as one escaped string (lib/html.ts): every React element and text node is rendered twice,
// into the HTML and into the RSC payload (issue 13.3); sizes, anchors and colours are in globals.css.

/** Percent of the axis, as an SVG length: no viewBox, so text keeps its size at any width (no inline styles: CSP). */
const pc = (n: number) => `${Math.round(n * 100) / 100}%`;

// The legend does not depend on the customer: built once.
const LEGEND = markup`<p class="small muted tl-legend" aria-hidden="true"><span class="tl-swatch keep"></span> opbevares <span class="tl-swatch rolling"></span> slettes løbende <span class="tl-swatch open"></span> ingen fast dato</p>`;

export function timelineHtml(entries: TimelineEntry[], now: Date): SafeHtml {
  const axis = timelineAxis(entries, now);
  const last = axis.years.length - 1;
  // Labels too close to "I dag" or to each other on a narrow screen are left out.
  const years = axis.years.map((y, i) => {
    if (y.x < 9) return null;
    const cls = i === last ? (i % 2 ? "end odd" : "end") : i % 2 ? "odd" : null;
    return markup`<text x="${pc(y.x)}" y="15"${cls ? markup` class="${cls}"` : null}>${y.year}</text>`;
  });
  const items = entries.map((e) => {
    // Kept in full until the first date; between the first and the last date the rows go one by one.
    const bar =
      e.from && e.to
        ? markup`<rect x="0" y="4" width="${pc(Math.max(0.6, axis.x(e.from)))}" height="12" class="keep"></rect>${
            e.to.getTime() > e.from.getTime()
              ? markup`<rect x="${pc(axis.x(e.from))}" y="4" width="${pc(Math.max(0.6, axis.x(e.to) - axis.x(e.from)))}" height="12" class="rolling"></rect>`
              : null
          }`
        : markup`<rect x="1" y="5" width="99%" height="10" class="open"></rect>`;
    return markup`<li${e.overdue ? markup` class="overdue"` : null} data-testid="tidslinje-${e.id}"><strong>${e.title}: </strong><span class="tl-when">${e.when}.</span> ${e.why} (pkt. ${e.clause}).<svg class="tl-bar" aria-hidden="true">${bar}</svg></li>`;
  });
  return markup`<svg class="tl-axis" aria-hidden="true"><text x="0" y="15" class="today">I dag</text>${years}</svg><ol class="tl-list" aria-label="Hvornår dine data slettes">${items}</ol>${LEGEND}`;
}

export function Timeline({ entries, now }: { entries: TimelineEntry[]; now: Date }) {
  return <div className="timeline" dangerouslySetInnerHTML={innerHtml(timelineHtml(entries, now))} />;
}
