import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("have the same keys in English and Traditional Chinese", async () => {
    const [en, zh] = await Promise.all([loadMessages("en"), loadMessages("zh-HK")]);
    const enKeys = keys(en).sort();
    const zhKeys = keys(zh).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });
  it("leave no message empty", async () => {
    for (const locale of ["en", "zh-HK"] as const) {
      const flat = JSON.stringify(await loadMessages(locale));
      expect(flat).not.toMatch(/:""/);
    }
  });
});
