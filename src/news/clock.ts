/**
 * Wall-clock arithmetic in IANA time zones, pure (the instant is always a parameter). Used by the
 * digest schedule: "08:30 in Europe/Berlin", across daylight-saving changes.
 */

export interface ZonedParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone this runtime knows, plus UTC. */
export function timeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}`, time: `${parts.hour ?? ""}:${parts.minute ?? ""}` };
}

/** "8:05", "08:05" → "08:05"; null when not a valid 24-hour time. */
export function parseTime(text: string): string | null {
  const m = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/.exec(text);
  return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2] ?? ""}` : null;
}

function wallMs(p: ZonedParts): number {
  const [y, mo, d] = p.date.split("-").map(Number);
  const [h, mi] = p.time.split(":").map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
}

/**
 * The first instant at which the wall clock in `timeZone` reads `date time` or later. For a time that
 * exists twice (autumn), the first; for one that does not exist (spring), the moment the clock jumps past it.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const target = wallMs({ date, time });
  const offsetAt = (t: number): number => wallMs(zonedParts(new Date(t), timeZone)) - Math.floor(t / 60_000) * 60_000;
  const offsets = [...new Set([target - 86_400_000, target, target + 86_400_000].map(offsetAt))];
  const exact = offsets.map((o) => target - o).filter((t) => wallMs(zonedParts(new Date(t), timeZone)) === target);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a spring-forward gap: the first minute whose wall clock is past the target.
  let lo = target - Math.max(...offsets) - 3_600_000;
  let hi = target - Math.min(...offsets) + 3_600_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (wallMs(zonedParts(new Date(mid), timeZone)) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The local date after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
