/** Dates for investors in Hong Kong: day-month-year in English ("3 March 2026"), 2026年3月3日 in Chinese. */
const TIME_ZONE = "Asia/Hong_Kong";

function intlLocale(locale: string): string {
  return locale === "en" ? "en-HK" : locale;
}

export function formatDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

export function formatDayTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(date);
}
