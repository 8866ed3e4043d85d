import { timelineAxis, type TimelineEntry } from "@/lib/report/overview";

// When each category of the customer's data is deleted or anonymised (issue 13.2): server-rendered SVG bars
// on one axis from today, no client JavaScript. The structure is an ordered list, so a screen reader reads
// one sentence per category; the bars and the year labels are decoration (aria-hidden) of what the text says.

/** Percent of the axis, as an SVG length: no viewBox, so text keeps its size at any width (no inline styles: CSP). */
const pc = (n: number) => `${Math.round(n * 100) / 100}%`;

export function Timeline({ entries, now }: { entries: TimelineEntry[]; now: Date }) {
  const axis = timelineAxis(entries, now);
  const last = axis.years.length - 1;
  return (
    <div className="timeline">
      <svg className="tl-axis" width="100%" height="22" aria-hidden="true" focusable="false">
        <text x="0" y="15" textAnchor="start" className="tl-today">
          I dag
        </text>
        {axis.years.map((y, i) =>
          // Labels too close to "I dag" or to each other on a narrow screen are left to the grid lines.
          y.x < 9 ? null : (
            <text key={y.year} x={pc(y.x)} y="15" textAnchor={i === last ? "end" : "middle"} className={i % 2 ? "tl-year odd" : "tl-year"}>
              {y.year}
            </text>
          ),
        )}
      </svg>
      <ol className="tl-list" aria-label="Hvornår dine data slettes">
        {entries.map((e) => (
          <li key={e.id} className={e.overdue ? "tl-item overdue" : "tl-item"} data-testid={`tidslinje-${e.id}`}>
            <span className="tl-text">
              <strong>{e.title}:</strong> <span className="tl-when">{e.when}.</span>{" "}
              <span className="tl-why">
                {e.why} (pkt. {e.clause}).
              </span>
            </span>
            <svg className="tl-bar" width="100%" height="20" aria-hidden="true" focusable="false">
              {e.from && e.to ? (
                <>
                  {/* Kept in full until the first date; between the first and the last date the rows go one by one. */}
                  <rect x="0" y="4" width={pc(Math.max(0.6, axis.x(e.from)))} height="12" className={e.overdue ? "tl-keep overdue" : "tl-keep"} />
                  {e.to.getTime() > e.from.getTime() ? (
                    <rect x={pc(axis.x(e.from))} y="4" width={pc(Math.max(0.6, axis.x(e.to) - axis.x(e.from)))} height="12" className="tl-rolling" />
                  ) : null}
                  <rect x={pc(Math.max(0, axis.x(e.to) - 0.4))} y="0" width="4" height="20" className="tl-end" />
                </>
              ) : (
                <rect x="1" y="5" width="99%" height="10" className="tl-open" />
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
