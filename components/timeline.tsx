import { timelineAxis, type TimelineEntry } from "@/lib/report/overview";

// When each category of the customer's data is deleted or anonymised (issue 13.2): server-rendered SVG bars
// on one axis from today, no client JavaScript. The structure is an ordered list, so a screen reader reads
// one sentence per category; the bars and the year labels are decoration (aria-hidden) of what the text says.
// Few elements and one text node per sentence: every element and text node is rendered twice, into the HTML
// and into the RSC payload (issue 13.3); sizes, anchors and colours are in globals.css.

/** Percent of the axis, as an SVG length: no viewBox, so text keeps its size at any width (no inline styles: CSP). */
const pc = (n: number) => `${Math.round(n * 100) / 100}%`;

export function Timeline({ entries, now }: { entries: TimelineEntry[]; now: Date }) {
  const axis = timelineAxis(entries, now);
  const last = axis.years.length - 1;
  return (
    <div className="timeline">
      <svg className="tl-axis" aria-hidden="true">
        <text x="0" y="15" className="today">
          I dag
        </text>
        {axis.years.map((y, i) =>
          // Labels too close to "I dag" or to each other on a narrow screen are left out.
          y.x < 9 ? null : (
            <text key={y.year} x={pc(y.x)} y="15" className={i === last ? (i % 2 ? "end odd" : "end") : i % 2 ? "odd" : undefined}>
              {y.year}
            </text>
          ),
        )}
      </svg>
      <ol className="tl-list" aria-label="Hvornår dine data slettes">
        {entries.map((e) => (
          <li key={e.id} className={e.overdue ? "overdue" : undefined} data-testid={`tidslinje-${e.id}`}>
            <strong>{`${e.title}: `}</strong>
            <span className="tl-when">{`${e.when}.`}</span>
            {` ${e.why} (pkt. ${e.clause}).`}
            <svg className="tl-bar" aria-hidden="true">
              {e.from && e.to ? (
                <>
                  {/* Kept in full until the first date; between the first and the last date the rows go one by one. */}
                  <rect x="0" y="4" width={pc(Math.max(0.6, axis.x(e.from)))} height="12" className="keep" />
                  {e.to.getTime() > e.from.getTime() ? (
                    <rect x={pc(axis.x(e.from))} y="4" width={pc(Math.max(0.6, axis.x(e.to) - axis.x(e.from)))} height="12" className="rolling" />
                  ) : null}
                </>
              ) : (
                <rect x="1" y="5" width="99%" height="10" className="open" />
              )}
            </svg>
          </li>
        ))}
      </ol>
      <p className="small muted tl-legend" aria-hidden="true">
        <span className="tl-swatch keep" /> opbevares <span className="tl-swatch rolling" /> slettes løbende <span className="tl-swatch open" /> ingen fast dato
      </p>
    </div>
  );
}
