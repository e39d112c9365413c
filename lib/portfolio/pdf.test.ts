/**
 * The yearly statement: its figures (holdings at a year's end, the year's trades, distributions and fees) and the PDF
 * that renders them, read back from the file's own streams: English in Helvetica, 繁中 with Noto Sans CJK TC embedded.
 */
import { inflateSync } from "node:zlib";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/portfolio.json";
import zhHK from "@/lib/i18n/messages/zh-HK/portfolio.json";
import type { TradePrice } from "@/lib/market";
import type { ArtworkReference } from "./insights";
import { renderStatementPdf, StatementFontMissingError, type PdfTranslate } from "./pdf";
import type { HistoryEntry } from "./types";
import { yearlyStatement } from "./yearly";

const D = 6;
const HKD = (n: number) => BigInt(Math.round(n * 100)) * 10n ** BigInt(D - 2);
const A = "0x00000000000000000000000000000000000000A1";
const B = "0x00000000000000000000000000000000000000B2";

const references: ArtworkReference[] = [
  {
    token: A,
    slug: "a",
    title: "Alpha Harbour",
    titleZh: "甲港",
    offeringPrice: HKD(1000),
    shareCount: 100n,
    appraisals: [{ date: "2025-06-01", value: "15000000", appraiser: "X" }],
  },
  {
    token: B,
    slug: "b",
    title: "Beta Hills",
    titleZh: null,
    offeringPrice: HKD(500),
    shareCount: 1000n,
    appraisals: [],
  },
];

let block = 0n;
function entry(
  kind: HistoryEntry["kind"],
  iso: string,
  token: string,
  shares: bigint,
  amount: number | null,
  extra: Partial<HistoryEntry> = {},
): HistoryEntry {
  block += 1n;
  const ref = references.find((r) => r.token === token)!;
  return {
    kind,
    at: new Date(iso),
    slug: ref.slug,
    title: ref.title,
    titleZh: ref.titleZh,
    token: token as `0x${string}`,
    wallet: "0x0000000000000000000000000000000000000aaa",
    shares,
    amount: amount === null ? null : HKD(amount),
    counterparty: null,
    order: null,
    txHash: `0x${block.toString(16).padStart(64, "0")}`,
    blockNumber: block,
    logIndex: 0,
    ...extra,
  };
}

// Newest first, as the portfolio holds it. 2025: 10 Alpha bought. 2026: 5 Beta on the market (fee 25), 4 Alpha sold
// (fee 10), a distribution on Alpha. Between the Hong Kong new year and the UTC one (31 Dec 2025 17:00 UTC) 2 Beta more.
const history: HistoryEntry[] = [
  entry("purchase", "2025-03-01T02:00:00Z", A, 10n, 10_000),
  entry("marketBuy", "2025-12-31T17:00:00Z", B, 2n, 1_200),
  entry("marketBuy", "2026-02-01T02:00:00Z", B, 5n, 3_025, { fee: HKD(25) }),
  entry("marketSell", "2026-04-01T02:00:00Z", A, 4n, 7_990, { fee: HKD(10) }),
  entry("distributionReceived", "2026-07-01T02:00:00Z", A, 0n, 300, { distributionKind: "income" }),
].reverse();
const holdings = [
  { token: A as `0x${string}`, balance: 6n },
  { token: B as `0x${string}`, balance: 7n },
];
const trades = new Map<string, TradePrice[]>([
  [A.toLowerCase(), [{ at: new Date("2026-04-01T02:00:00Z"), price: HKD(2000) }]],
  [B.toLowerCase(), [{ at: new Date("2026-02-01T02:00:00Z"), price: HKD(600) }]],
]);
const NOW = new Date("2026-12-01T00:00:00Z");
const year = (y: number) => yearlyStatement({ year: y, now: NOW, decimals: D, holdings, history, references, trades });

const translator = (locale: "en" | "zh-HK"): PdfTranslate => {
  const t = createTranslator({
    locale,
    messages: locale === "en" ? en : zhHK,
    namespace: "portfolio",
    timeZone: "Asia/Hong_Kong",
  });
  return (key, values) => t(key as never, values as never);
};

/** The text a PDF shows: its streams inflated, each TJ string read as single bytes and through the ToUnicode map. */
function pdfText(pdf: Buffer): { text: string; raw: string } {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString("latin1"));
    } catch {
      streams.push(bytes.toString("latin1"));
    }
  }
  const all = streams.join("\n");
  const unicode = new Map<number, string>();
  for (const r of all.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
    const first = parseInt(r[1]!, 16);
    [...r[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) =>
      unicode.set(first + i, String.fromCharCode(parseInt(u[1]!, 16))),
    );
  }
  const text = [...all.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((tj) => {
      const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!).join("");
      const bytes = Buffer.from(hex, "hex").toString("latin1");
      const cjk = unicode.size
        ? (hex.match(/.{4}/g) ?? []).map((c) => unicode.get(parseInt(c, 16)) ?? "").join("")
        : "";
      return `${bytes}\n${cjk}`;
    })
    .join("\n");
  return { text, raw: raw + all };
}

describe("yearlyStatement", () => {
  it("holds at a year's end what was held then, valued by the portfolio's rule", () => {
    const y2025 = year(2025);
    // 10 Alpha at its appraisal (150,000 ÷ 100, no trade yet); the Beta bought at 01:00 on 1 January HKT is 2026's.
    expect(y2025.partial).toBe(false);
    expect(y2025.to.toISOString()).toBe("2025-12-31T15:59:59.999Z");
    expect(y2025.holdings.map((h) => [h.title, h.shares, h.priceSource, h.value])).toEqual([
      ["Alpha Harbour", 10n, "appraisal", HKD(15_000)],
    ]);
    expect(y2025.trades.map((h) => h.kind)).toEqual(["purchase"]);
    expect(y2025.totals).toEqual({
      value: HKD(15_000),
      distributions: 0n,
      fees: 0n,
      bought: HKD(10_000),
      sold: 0n,
      redeemed: 0n,
    });
    const y2026 = year(2026);
    expect(y2026.partial).toBe(true);
    expect(y2026.holdings.map((h) => [h.title, h.shares, h.priceSource, h.value])).toEqual([
      ["Alpha Harbour", 6n, "trade", HKD(12_000)],
      ["Beta Hills", 7n, "trade", HKD(4_200)],
    ]);
    expect(y2026.trades.map((h) => h.kind)).toEqual(["marketBuy", "marketBuy", "marketSell"]);
    expect(y2026.totals).toEqual({
      value: HKD(16_200),
      distributions: HKD(300),
      fees: HKD(35),
      bought: HKD(4_225),
      sold: HKD(7_990),
      redeemed: 0n,
    });
  });

  it("values a sold artwork at what redeeming pays once its vote closed, and counts the redemptions' proceeds", () => {
    const sold = soldYear(2026);
    // Alpha: sale price HKD 150,000 for 100 shares, approved at 1 May: 1,500 a share, not its last trade (2,000).
    expect(sold.holdings.map((h) => [h.title, h.shares, h.price, h.priceSource, h.value])).toEqual([
      ["Alpha Harbour", 4n, HKD(1_500), "sale", HKD(6_000)],
      ["Beta Hills", 7n, HKD(600), "trade", HKD(4_200)],
    ]);
    expect(sold.trades.at(-1)).toMatchObject({ kind: "redemption", shares: 2n, amount: HKD(3_000) });
    expect(sold.totals.redeemed).toBe(HKD(3_000));
    expect(sold.totals.sold).toBe(HKD(7_990)); // the market's sales, apart from the sale's proceeds
    // Before the close the sale does not value anything: the year 2025 is as it was.
    expect(yearlyStatement({ ...soldArgs, year: 2025 }).holdings.map((h) => h.priceSource)).toEqual(["appraisal"]);
  });
});

// Alpha's holders approved its sale (vote closed 1 May 2026); 2 of the 6 Alpha shares were redeemed on 1 June.
const soldArgs = {
  now: NOW,
  decimals: D,
  holdings: [
    { token: A as `0x${string}`, balance: 4n },
    { token: B as `0x${string}`, balance: 7n },
  ],
  history: [entry("redemption", "2026-06-01T02:00:00Z", A, 2n, 3_000), ...history],
  references,
  trades,
  sales: [
    {
      token: A,
      status: "approved",
      price: HKD(150_000),
      supplyAtClose: 100n,
      votingEnds: new Date("2026-05-01T00:00:00Z"),
    },
  ],
};
const soldYear = (y: number) => yearlyStatement({ ...soldArgs, year: y });

describe("renderStatementPdf", () => {
  const render = (locale: "en" | "zh-HK", fontPath?: string) =>
    renderStatementPdf({
      statement: year(2026),
      wallets: ["0x0000000000000000000000000000000000000aaa"],
      decimals: D,
      generatedAt: NOW,
      locale,
      t: translator(locale),
      ...(fontPath ? { fontPath } : {}),
    });

  it("writes the English statement in Helvetica with the holdings, trades, distributions and fees", async () => {
    const pdf = await render("en");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, raw } = pdfText(pdf);
    expect(text).toContain("yearly statement 2026");
    expect(text).toContain("Alpha Harbour");
    expect(text).toContain("Beta Hills");
    expect(text).toContain("HK$12,000.00");
    expect(text).toContain("HK$16,200.00"); // the total value
    expect(text).toContain("HK$35.00"); // the fees
    expect(text).toContain("Distributions received");
    expect(text).toContain("Income");
    expect(raw).toContain("/BaseFont /Helvetica");
    expect(raw).not.toContain("NotoSansCJK");
  });

  it("writes the Chinese statement with Noto Sans CJK TC embedded and the Chinese titles", async () => {
    const pdf = await render("zh-HK");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, raw } = pdfText(pdf);
    // Embedded (a subset, with its font file), not merely named.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKtc-Regular/);
    expect(raw).toMatch(/\/FontFile[23]? \d+ 0 R/);
    expect(text).toContain("2026年度結單");
    expect(text).toContain("甲港");
    expect(text).toContain("Beta Hills"); // no Chinese title: the English one
    expect(text).toContain("已收取分派");
    expect(text).toContain("HK$12,000.00");
  });

  it("shows a sold artwork's value basis and each sale redemption's proceeds, in English and in Chinese", async () => {
    const write = (locale: "en" | "zh-HK") =>
      renderStatementPdf({
        statement: soldYear(2026),
        wallets: ["0x0000000000000000000000000000000000000aaa"],
        decimals: D,
        generatedAt: NOW,
        locale,
        t: translator(locale),
      }).then(pdfText);
    const { text } = await write("en");
    const flat = text.replace(/\s+/g, " "); // a table cell wraps its words over lines
    expect(flat).toContain("Sale redemption (proceeds received, shares burned)");
    expect(flat).toContain("Sale proceeds received (shares redeemed after an approved sale)");
    expect(text).toContain("HK$3,000.00"); // the proceeds
    expect(text).toContain("sale price ÷ shares");
    expect(text).toContain("HK$6,000.00"); // the 4 Alpha shares still held, at what redeeming pays
    const zh = (await write("zh-HK")).text.replace(/\s+/g, "");
    expect(zh).toContain("出售贖回");
    expect(zh).toContain("已收取出售所得");
    expect(zh).toContain("出售價÷股數");
  });

  it("refuses the Chinese statement in words when the font is missing, and still writes the English one", async () => {
    await expect(render("zh-HK", "/nonexistent/NotoSansCJK-Regular.ttc")).rejects.toBeInstanceOf(
      StatementFontMissingError,
    );
    const pdf = await render("en", "/nonexistent/NotoSansCJK-Regular.ttc");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
