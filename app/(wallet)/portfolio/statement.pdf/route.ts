import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth";
import { exportYearlyStatementPdf, StatementFontMissingError } from "@/lib/portfolio";
import { contentDisposition } from "@/lib/format/csv";
import { hkDateStamp } from "@/lib/format/date";
import { requestIp } from "@/lib/http/request-ip";
import { RateLimitedError } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** Only the year (Hong Kong calendar, 2000 up to this one): the statement is always the caller's own. */
const Query = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/)
      .transform(Number),
  })
  .strict();

const text = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...extra } });

/** The signed-in investor's yearly statement as a PDF in their language (all their wallets). Audited. */
export async function GET(request: Request) {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "portfolio" });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const thisYear = Number(hkDateStamp(new Date()).slice(0, 4));
  if (!parsed.success || parsed.data.year < 2000 || parsed.data.year > thisYear)
    return text(t("pdf.errors.year", { max: thisYear }), 400);
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    if (error instanceof AuthError) return text(t("pdf.errors.signIn"), error.code === "unauthenticated" ? 401 : 403);
    throw error;
  }
  try {
    const { pdf, filename } = await exportYearlyStatementPdf(
      { address: ctx.address, investorId: ctx.investor?.id ?? null, ip: requestIp(request) },
      { year: parsed.data.year, locale, t: (key, values) => t(key as never, values as never) },
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": contentDisposition("attachment", filename),
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof RateLimitedError)
      return text(t("pdf.errors.rateLimited", { seconds: error.retryAfterSeconds }), 429, {
        "retry-after": String(error.retryAfterSeconds),
      });
    if (error instanceof StatementFontMissingError) return text(t("pdf.errors.font"), 503);
    throw error;
  }
}
