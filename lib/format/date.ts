/**
 * The one place dates and times are formatted and read. Everything is Hong Kong time (Asia/Hong_Kong,
 * UTC+8 all year: no daylight saving since 1979), whatever the zone of the server or the browser:
 * - a day: "5 December 2026" in English, "2026年12月5日" in Chinese;
 * - a time: the day, then 24-hour time, labelled — "5 December 2026, 07:21 HKT", "2026年12月5日 07:21（香港時間）";
 * - file names: the Hong Kong date, "2026-12-05";
 * - date-time inputs (offering opens / closes): typed and shown in HKT, converted here, never by the browser.
 */
export const HK_TIME_ZONE = "Asia/Hong_Kong";
const HK_OFFSET_MS = 8 * 60 * 60 * 1000;

function intlLocale(locale: string): string {
  return locale === "en" ? "en-HK" : locale;
}

/** The label that follows every time of day. */
export function hkTimeLabel(locale: string): string {
  return locale === "en" ? "HKT" : "香港時間";
}

export function formatDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: HK_TIME_ZONE }).format(date);
}

/** 24-hour "07:21" in Hong Kong. */
export function formatTime(date: Date): string {
  const parts = hkParts(date);
  return `${parts.hour}:${parts.minute}`;
}

export function formatDayTime(date: Date, locale: string): string {
  const day = formatDay(date, locale);
  return locale === "en"
    ? `${day}, ${formatTime(date)} ${hkTimeLabel(locale)}`
    : `${day} ${formatTime(date)}（${hkTimeLabel(locale)}）`;
}

/** "2026-12-05": the Hong Kong date, for file names and day inputs. */
export function hkDateStamp(date: Date): string {
  const p = hkParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Value for an `<input type="datetime-local">` that the form labels HKT: "2026-12-05T07:21". */
export function hktInputValue(seconds: number): string {
  const p = hkParts(new Date(seconds * 1000));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * Reads "YYYY-MM-DDTHH:mm" (seconds optional) as Hong Kong time and returns Unix seconds; NaN when it is not a
 * real date and time (nothing is guessed or rolled over: 30 February is refused, not read as 2 March).
 */
export function parseHktInput(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  if (hour! > 23 || minute! > 59 || second! > 59) return Number.NaN;
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day) {
    return Number.NaN;
  }
  return (asUtc - HK_OFFSET_MS) / 1000;
}

function hkParts(date: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: HK_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}
