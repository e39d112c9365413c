import { describe, expect, it } from "vitest";
import { todayInHongKong, updateInput, validateUpdate } from "./update-validation";
import { fieldIssues } from "./validation";

const base = {
  kind: "valuation",
  title: "Annual revaluation",
  bodyMd: "Revalued after the **Afterglow** retrospective.",
  eventDate: "2026-01-15",
  value: "2,600,000",
  appraiser: "Meridian Valuation Services",
};
const issues = (raw: Record<string, string>) => {
  const r = updateInput.safeParse(raw);
  return r.success ? {} : Object.fromEntries(Object.entries(fieldIssues(r.error)).map(([f, i]) => [f, i.key]));
};
const isoDaysFromNow = (days: number) => todayInHongKong(new Date(Date.now() + days * 86_400_000));

describe("update validation", () => {
  it("accepts a valuation and turns the typed HK$ value into cents", () => {
    expect(updateInput.parse(base)).toEqual({
      kind: "valuation",
      title: "Annual revaluation",
      bodyMd: "Revalued after the **Afterglow** retrospective.",
      eventDate: "2026-01-15",
      value: "260000000",
      appraiser: "Meridian Valuation Services",
    });
  });

  it("requires a value above zero and an appraiser for a valuation", () => {
    expect(issues({ ...base, value: "", appraiser: "" })).toEqual({ value: "required", appraiser: "required" });
    expect(issues({ ...base, value: "0" })).toEqual({ value: "valueZero" });
    expect(issues({ ...base, value: "about two million" })).toEqual({ value: "amounts.money.format" });
  });

  it("drops a value and appraiser typed for another kind of update", () => {
    const parsed = updateInput.parse({ ...base, kind: "custody", title: "Moved to Kwai Chung vault" });
    expect(parsed.value).toBeNull();
    expect(parsed.appraiser).toBeNull();
    expect(issues({ ...base, kind: "condition", value: "", appraiser: "" })).toEqual({});
  });

  it("requires a kind, headline, details and a real date", () => {
    expect(issues({ ...base, kind: "rumour" })).toHaveProperty("kind", "required");
    expect(issues({ ...base, title: "  ", bodyMd: "" })).toEqual({ title: "required", bodyMd: "required" });
    expect(issues({ ...base, title: "x".repeat(121) })).toEqual({ title: "tooLong" });
    expect(issues({ ...base, eventDate: "" })).toEqual({ eventDate: "required" });
    expect(issues({ ...base, eventDate: "2026-02-30x" })).toEqual({ eventDate: "date" });
  });

  it("refuses a future date except for an exhibition announced ahead", () => {
    const future = isoDaysFromNow(30);
    expect(issues({ ...base, eventDate: future })).toEqual({ eventDate: "futureDate" });
    expect(issues({ ...base, kind: "custody", eventDate: future })).toEqual({ eventDate: "futureDate" });
    expect(issues({ ...base, kind: "exhibition", eventDate: future })).toEqual({});
    expect(issues({ ...base, eventDate: todayInHongKong() })).toEqual({});
  });

  it("counts days on Hong Kong's calendar", () => {
    // 20:00 UTC on 24 November is already 25 November in Hong Kong.
    expect(todayInHongKong(new Date("2026-11-24T20:00:00Z"))).toBe("2026-11-25");
    expect(todayInHongKong(new Date("2026-11-24T15:00:00Z"))).toBe("2026-11-24");
  });

  it("reports every field at once, even when one field's format already failed", () => {
    const r = validateUpdate({ ...base, title: "", value: "two million", appraiser: "", eventDate: "" });
    expect(r.ok).toBe(false);
    expect(r.ok ? {} : Object.fromEntries(Object.entries(r.issues).map(([f, i]) => [f, i.key]))).toEqual({
      title: "required",
      value: "amounts.money.format",
      appraiser: "required",
      eventDate: "required",
    });
    expect(validateUpdate(base)).toEqual({ ok: true, data: updateInput.parse(base) });
  });
});
