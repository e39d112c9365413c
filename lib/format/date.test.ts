/**
 * Dates and times are Hong Kong's whatever the machine's zone: this file runs with the process in New York
 * (UTC−5/−4, with daylight saving), so anything that used the runtime's zone would show other days and hours.
 */
process.env.TZ = "America/New_York";

import { describe, expect, it } from "vitest";
import { formatDay, formatDayTime, hkDateStamp, hktInputValue, parseHktInput } from "./date";

// 2026-12-04 23:21 UTC = 2026-12-05 07:21 in Hong Kong (UTC+8) = 2026-12-04 18:21 in New York.
const instant = new Date(Date.UTC(2026, 11, 4, 23, 21));

describe("Hong Kong dates, independent of the browser's zone", () => {
  it("runs in a zone other than Hong Kong's", () => {
    expect(instant.getTimezoneOffset()).toBe(300);
    expect(instant.getDate()).toBe(4);
  });

  it("formats a day: day month year in English, 年月日 in Chinese", () => {
    expect(formatDay(instant, "en")).toBe("5 December 2026");
    expect(formatDay(instant, "zh-HK")).toBe("2026年12月5日");
  });

  it("formats a time with its date, 24-hour, labelled Hong Kong time — never US style", () => {
    expect(formatDayTime(instant, "en")).toBe("5 December 2026, 07:21 HKT");
    expect(formatDayTime(instant, "zh-HK")).toBe("2026年12月5日 07:21（香港時間）");
    expect(formatDayTime(instant, "en")).not.toMatch(/Dec \d+,|AM|PM/);
  });

  it("stamps file names with the Hong Kong date", () => {
    expect(hkDateStamp(instant)).toBe("2026-12-05");
    // 15:59 UTC on the 31st is already the 1st in Hong Kong.
    expect(hkDateStamp(new Date(Date.UTC(2026, 11, 31, 16, 0)))).toBe("2027-01-01");
  });

  it("reads and writes an offering's opening time in HKT, whatever the browser's zone", () => {
    const seconds = instant.getTime() / 1000;
    expect(hktInputValue(seconds)).toBe("2026-12-05T07:21");
    expect(parseHktInput("2026-12-05T07:21")).toBe(seconds);
    expect(parseHktInput(hktInputValue(seconds))).toBe(seconds);
    // Midnight HKT is 16:00 UTC the day before.
    expect(parseHktInput("2027-01-01T00:00")).toBe(Date.UTC(2026, 11, 31, 16, 0) / 1000);
  });

  it("refuses what is not a date and time rather than guessing", () => {
    for (const bad of ["", "2026-12-05", "2026-13-05T07:21", "2026-02-30T10:00", "2026-12-05T24:00", "tomorrow"]) {
      expect(parseHktInput(bad), bad).toBeNaN();
    }
  });
});
