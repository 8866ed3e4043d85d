// Danish calendar dates (Europe/Copenhagen) for the policy's periods (issue 10 item 2). The financial
// year (5.2), "5 years" (5.1, 5.3) and a month's deadline (art. 12(3)) are counted on the Danish
// calendar and wall clock, not in UTC: an invoice issued 1 January 00:30 Danish time belongs to the new year.
// Pure functions on instants; no dependency on the machine's time zone.

export const SHOP_TIME_ZONE = "Europe/Copenhagen";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: SHOP_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** The Danish wall-clock reading of an instant, from Intl (allocates: formatToParts). */
export function danishWallClockIntl(instant: Date): WallClock {
  const p: Record<string, number> = {};
  for (const x of partsFormat.formatToParts(instant)) if (x.type !== "literal") p[x.type] = Number(x.value);
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second, ms };
}

const HOUR = 3_600_000;
/** Since 1900 Danish time has changed offset only on whole UTC hours (01:00 UTC since 1980, 02:00 local before). */
const HOURLY_FROM = Date.UTC(1900, 0, 1);
const hourOffsets = new Map<number, number>();

/**
 * Offset of Danish time from UTC at an instant, in ms (3,600,000 in winter, 7,200,000 in summer). Read from Intl
 * once per UTC hour and kept: /konto's dates (issue 13.3) asked Intl's formatToParts several times per date.
 */
function offsetAt(t: number): number {
  if (!(t >= HOURLY_FROM)) {
    const w = danishWallClockIntl(new Date(t));
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - t;
  }
  const hour = Math.floor(t / HOUR);
  let offset = hourOffsets.get(hour);
  if (offset === undefined) {
    const w = danishWallClockIntl(new Date(hour * HOUR));
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - hour * HOUR;
    if (hourOffsets.size >= 10_000) hourOffsets.clear();
    hourOffsets.set(hour, offset);
  }
  return offset;
}

/** The Danish wall-clock reading of an instant. */
export function danishWallClock(instant: Date): WallClock {
  const t = instant.getTime();
  if (!(t >= HOURLY_FROM)) return danishWallClockIntl(instant);
  const w = new Date(t + offsetAt(t));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    ms: w.getUTCMilliseconds(),
  };
}

/**
 * The instant a Danish wall-clock reading names. Fields overflow like Date.UTC (day 32 is the 1st of the
 * next month, 29 February in a non-leap year is 1 March). A reading in the spring-forward gap moves forward.
 */
export function fromDanishWallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let t = asUtc - offsetAt(asUtc);
  t = asUtc - offsetAt(t);
  return new Date(t);
}

/** Danish midnight starting the given calendar day (with Date.UTC overflow). */
export function danishMidnight(year: number, month: number, day: number): Date {
  return fromDanishWallClock(year, month, day);
}

/** The Danish calendar year of an instant. */
export function danishYear(instant: Date): number {
  return danishWallClock(instant).year;
}

/** `years` calendar years later on the Danish wall clock (29 February moves to 1 March: never before the full period). */
export function addDanishYears(from: Date, years: number): Date {
  const w = danishWallClock(from);
  return fromDanishWallClock(w.year + years, w.month, w.day, w.hour, w.minute, w.second, w.ms);
}

/** One month later on the Danish wall clock, at the end of a shorter month (art. 12(3)). */
export function addDanishMonth(from: Date): Date {
  const w = danishWallClock(from);
  const lastDay = new Date(Date.UTC(w.year, w.month + 1, 0)).getUTCDate(); // last day of the next month
  return fromDanishWallClock(w.year, w.month + 1, Math.min(w.day, lastDay), w.hour, w.minute, w.second, w.ms);
}
