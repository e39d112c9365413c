import "server-only";

/**
 * The yearly statement as a PDF (pdfkit), in the reader's language: English in the built-in Helvetica, 繁體中文 in
 * Noto Sans CJK TC embedded (subset) from the system's fonts. The figures come from `yearly.ts`; the words from the
 * caller's translator. Amounts in HKD through the portal's money formatter; dates in Hong Kong time.
 */
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { formatCount, formatMoney } from "@/lib/format/money";
import { isSaleRedemption, type YearlyStatement } from "./yearly";

/** Debian's fonts-noto-cjk (`.ci/run` installs it; a server image needs it for the Chinese statement). */
export const CJK_FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/** The face inside the collection: Traditional Chinese (Taiwan / Hong Kong glyph forms). */
export const CJK_FONT_NAME = "NotoSansCJKtc-Regular";

/** The Chinese statement cannot be written: the font it needs is not on this machine. */
export class StatementFontMissingError extends Error {
  constructor(path: string) {
    super(`The Chinese font for the PDF statement is missing (${path}).`);
    this.name = "StatementFontMissingError";
  }
}

export type PdfTranslate = (key: string, values?: Record<string, string | number>) => string;

type Column = { label: string; width: number; align?: "left" | "right" };

const MARGIN = 48;

/** The statement's building blocks on one document: section headings, notes and tables that break across pages. */
function writer(doc: PDFKit.PDFDocument, { regular, bold, width }: { regular: string; bold: string; width: number }) {
  const bottom = () => doc.page.height - MARGIN;
  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.8).font(bold).fontSize(13).fillColor("#111111").text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const note = (text: string) => {
    doc.font(regular).fontSize(9).fillColor("#555555").text(text, MARGIN, doc.y, { width });
    doc.fillColor("#111111");
  };
  const table = (columns: Column[], rows: string[][], totals?: string[]) => {
    const scale = width / columns.reduce((a, c) => a + c.width, 0);
    const cols = columns.map((c) => ({ ...c, width: c.width * scale }));
    const row = (cells: string[], font: string, rule: boolean) => {
      doc.font(font).fontSize(9);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: cols[i]!.width - 6 }))) + 6;
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (font === regular)
          row(
            columns.map((c) => c.label),
            bold,
            true,
          );
      }
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.text(c, x + 3, y + 3, { width: cols[i]!.width - 6, align: cols[i]!.align ?? "left" });
        x += cols[i]!.width;
      });
      doc.y = y + h;
      if (rule)
        doc
          .moveTo(MARGIN, doc.y)
          .lineTo(MARGIN + width, doc.y)
          .lineWidth(0.5)
          .strokeColor("#999999")
          .stroke();
      doc.x = MARGIN;
    };
    row(
      columns.map((c) => c.label),
      bold,
      true,
    );
    for (const r of rows) row(r, regular, false);
    if (totals) row(totals, bold, false);
  };

  /** A heading, then the table of its rows, or `empty` as a note when there are none. */
  const listSection = (title: string, empty: string, columns: Column[], rows: string[][], totals?: string[]) => {
    heading(title);
    if (rows.length === 0) note(empty);
    else table(columns, rows, totals);
  };

  return { heading, note, table, listSection };
}

/** Renders the statement; resolves to the PDF's bytes. */
export async function renderStatementPdf({
  statement: s,
  wallets,
  decimals,
  generatedAt,
  locale,
  t,
  fontPath = CJK_FONT_PATH,
}: {
  statement: YearlyStatement;
  wallets: readonly string[];
  decimals: number;
  generatedAt: Date;
  locale: string;
  t: PdfTranslate;
  fontPath?: string;
}): Promise<Buffer> {
  const zh = locale !== "en";
  if (zh && !existsSync(fontPath)) throw new StatementFontMissingError(fontPath);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: zh ? "zh-HK" : "en-HK",
    displayTitle: true,
    info: { Title: t("pdf.title", { year: s.year }), Author: "Atelier", Subject: t("pdf.subject") },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const regular = zh ? "cjk" : "Helvetica";
  const bold = zh ? "cjk" : "Helvetica-Bold";
  if (zh) doc.registerFont("cjk", fontPath, CJK_FONT_NAME);
  const money = (v: bigint) => formatMoney(v, decimals, locale);
  const title = (a: { title: string; titleZh: string | null }) => (zh && a.titleZh ? a.titleZh : a.title);
  const width = doc.page.width - 2 * MARGIN;

  const { heading, note, table, listSection } = writer(doc, { regular, bold, width });

  // Title block.
  doc
    .font(bold)
    .fontSize(18)
    .text(t("pdf.title", { year: s.year }), { width });
  doc.moveDown(0.3);
  doc
    .font(regular)
    .fontSize(10)
    .text(t("pdf.period", { from: formatDay(s.from, locale), to: formatDay(s.to, locale) }), { width });
  doc.text(t("pdf.wallets", { wallets: wallets.join(", ") }), { width });
  doc.text(t("pdf.generated", { at: formatDayTime(generatedAt, locale) }), { width });
  doc.moveDown(0.3);
  if (s.partial) note(t("pdf.partial", { date: formatDay(s.to, locale) }));
  note(t("pdf.basis"));

  /** A table column headed by the word `pdf.<key>`. */
  const col = (key: string, width: number, align?: Column["align"]): Column => ({
    label: t(`pdf.${key}`),
    width,
    align,
  });

  // Summary.
  heading(t("pdf.summary"));
  table(
    [col("item", 3), col("amount", 2, "right")],
    [
      [t("pdf.totalValue"), money(s.totals.value)],
      [t("pdf.totalBought"), money(s.totals.bought)],
      [t("pdf.totalSold"), money(s.totals.sold)],
      [t("pdf.totalRedeemed"), money(s.totals.redeemed)],
      [t("pdf.totalDistributions"), money(s.totals.distributions)],
      [t("pdf.totalFees"), money(s.totals.fees)],
    ],
  );

  // Holdings at the year's end.
  listSection(
    t(s.partial ? "pdf.holdingsNow" : "pdf.holdings", { date: formatDay(s.to, locale) }),
    t("pdf.holdingsEmpty"),
    [col("artwork", 4), col("shares", 1.4, "right"), col("price", 2.6, "right"), col("value", 2.2, "right")],
    s.holdings.map((h) => [
      title(h),
      formatCount(h.shares, locale),
      `${money(h.price)}\n${t(`holdings.price${h.priceSource[0]!.toUpperCase()}${h.priceSource.slice(1)}`)}`,
      money(h.value),
    ]),
    [t("pdf.total"), "", "", money(s.totals.value)],
  );

  // Trades and other share movements.
  listSection(
    t("pdf.trades"),
    t("pdf.tradesEmpty"),
    [
      col("date", 2.2),
      col("type", 2.2),
      col("artwork", 3),
      col("shares", 1.2, "right"),
      col("amount", 2, "right"),
      col("fee", 1.6, "right"),
    ],
    s.trades.map((h) => [
      formatDay(h.at, locale),
      isSaleRedemption(h) ? t("pdf.saleRedemption") : t(`history.kinds.${h.kind}`),
      title(h),
      formatCount(h.shares, locale),
      h.amount === null ? "—" : money(h.amount),
      h.fee === undefined ? "—" : money(h.fee),
    ]),
  );

  // Distributions.
  listSection(
    t("pdf.distributions"),
    t("pdf.distributionsEmpty"),
    [col("date", 2.2), col("kind", 2.4), col("artwork", 3.6), col("amount", 2, "right")],
    s.distributions.map((h) => [
      formatDay(h.at, locale),
      h.distributionKind ? t(`distributions.kinds.${h.distributionKind}`) : "—",
      title(h),
      money(h.amount ?? 0n),
    ]),
    [t("pdf.total"), "", "", money(s.totals.distributions)],
  );

  // Fees.
  heading(t("pdf.fees"));
  note(t("pdf.feesNote", { total: money(s.totals.fees) }));

  doc.moveDown(1.5);
  note(t("pdf.footer"));
  doc.end();
  return done;
}
