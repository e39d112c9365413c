/**
 * The Traditional Chinese messages follow lib/i18n/GLOSSARY.md: a share is 股份 and is counted in 股, never
 * 份 / 份額; no literal translations ("一份股份", "碎片化股份"). Every zh-HK message file is read from disk, so a
 * new file is checked without being listed here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), "messages");

/** Retired wording → the glossary's term. Counting 份 stays right for documents (份文件) and applications (份申請). */
const RETIRED: { pattern: RegExp; use: string }[] = [
  { pattern: /份額/, use: "股份" },
  { pattern: /一份股份/, use: "股份 / 一股" },
  { pattern: /碎片化/, use: "藝術品股份" },
  { pattern: /(?:[#\d]|\})\s*份(?!\s*(?:文件|申請|PDF))/, use: "N 股 (count of shares)" },
  { pattern: /每份(?!\s*(?:\{mb\}|PDF|文件))/, use: "每股" },
  { pattern: /[增減][加少]一份/, use: "增加一股 / 減少一股" },
];

function strings(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  if (obj === null || typeof obj !== "object") return [];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

function zhFiles(): string[] {
  const nested = readdirSync(path.join(dir, "zh-HK"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join("zh-HK", f));
  return ["zh-HK.json", ...nested];
}

/** Every message that uses a retired term, as "file key: term → use". */
function retiredTermsIn(files: string[]): string[] {
  return files.flatMap((file) =>
    strings(JSON.parse(readFileSync(path.join(dir, file), "utf8"))).flatMap(([key, text]) =>
      RETIRED.filter((r) => r.pattern.test(text)).map(
        (r) => `${file} ${key}: "${text.match(r.pattern)![0]}" → ${r.use}`,
      ),
    ),
  );
}

describe("the zh-HK glossary", () => {
  it("finds the message files", () => {
    expect(zhFiles().length).toBeGreaterThan(5);
  });

  it("flags the retired terms (the rules catch what they should, and leave documents alone)", () => {
    const hits = (text: string) => RETIRED.filter((r) => r.pattern.test(text)).length;
    expect(hits("購買份額")).toBe(1);
    expect(hits("{shares, plural, other {# 份}}")).toBe(1);
    expect(hits("最少 {min, number} 份")).toBe(1);
    expect(hits("每份價格")).toBe(1);
    expect(hits("擁有非凡藝術品的一份股份。")).toBe(1);
    expect(hits("藝術品碎片化股份")).toBe(1);
    expect(hits("{count, plural, other {錨定 # 份文件}}")).toBe(0);
    expect(hits("{count, plural, other {# 份申請}}")).toBe(0);
    expect(hits("最多 {count} 份 PDF，每份 {mb} MB")).toBe(0);
    expect(hits("{shares, plural, other {# 股}}，每股 {price}")).toBe(0);
  });

  it("no zh-HK message uses a retired term", () => {
    expect(retiredTermsIn(zhFiles())).toEqual([]);
  });
});
