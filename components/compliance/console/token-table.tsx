import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TokenSummary } from "@/lib/compliance/register";

/** Dense table of tokens: supply, investors, wallets, holder limit, paused. */
export async function TokenTable({ tokens, locale }: { tokens: TokenSummary[]; locale: string }) {
  const t = await getTranslations("complianceConsole.tokens");
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  return (
    <div className="overflow-x-auto rounded-xl border border-line">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="sticky top-0 bg-surface-muted text-left text-xs text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.token")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("columns.supply")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("columns.holders")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("columns.wallets")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("columns.limit")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((tk) => (
            <tr key={tk.token} className="border-t border-line">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link
                  href={`/compliance/tokens/${tk.token}`}
                  className="font-medium underline-offset-4 hover:underline"
                >
                  {tk.title ?? tk.name}
                </Link>
                <span className="ml-2 text-xs text-ink-muted">{tk.symbol}</span>
              </th>
              <td className="px-3 py-2 text-right tabular">{nf.format(tk.totalSupply)}</td>
              <td className="px-3 py-2 text-right tabular">{nf.format(tk.holderCount)}</td>
              <td className="px-3 py-2 text-right tabular">{nf.format(tk.holderWalletCount)}</td>
              <td className="px-3 py-2 text-right tabular">
                {tk.maxHolders ? nf.format(tk.maxHolders) : t("noLimit")}
              </td>
              <td className="px-3 py-2">
                {tk.paused ? (
                  <Badge tone="danger" icon="lock">
                    {t("paused")}
                  </Badge>
                ) : (
                  <Badge tone="success" icon="check">
                    {t("active")}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
