import { getLocale, getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { listTokenRoleHistory } from "@/lib/compliance/token-roles";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { formatDayTime } from "@/lib/format/date";
import { getIndexerCoverage } from "@/lib/indexer/projections";

const SHOWN = 50;

/**
 * "Roles": who was granted or lost which role on a token, and its owner changing hands, from the indexer's record of
 * the token's events. Server component; the caller has already checked who may see the token (compliance, or the
 * issuer that owns the listing).
 */
export async function TokenRoleHistory({ token }: { token: string }) {
  const db = await getDb();
  const [t, locale, coverage] = await Promise.all([getTranslations("tokenRoles"), getLocale(), getIndexerCoverage(db)]);
  const { rows, total } = coverage ? await listTokenRoleHistory(db, token, { limit: SHOWN }) : { rows: [], total: 0 };
  const explorer = getServerEnv().explorerUrl;
  const short = (h: string) => `${h.slice(0, 10)}…${h.slice(-6)}`;

  return (
    <section aria-labelledby="token-roles" className="flex flex-col gap-3" data-testid="token-roles">
      <h2 id="token-roles" className="font-display text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      {!coverage ? (
        <p className="text-sm">{t("unavailable")}</p>
      ) : rows.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-surface-muted text-left text-xs text-ink-muted">
              <tr>
                {(["when", "account", "role", "change", "by", "tx"] as const).map((c) => (
                  <th key={c} scope="col" className="border-b border-line px-3 py-2 font-medium">
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.txHash}:${r.logIndex}`} className="border-b border-line last:border-0">
                  <td className="px-3 py-2 align-top whitespace-nowrap">{formatDayTime(r.at, locale)}</td>
                  <td className="px-3 py-2 align-top">
                    <Address address={r.account} />
                  </td>
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                    {r.role === "unknown" ? t("roles.unknown", { id: short(r.roleId ?? "") }) : t(`roles.${r.role}`)}
                  </th>
                  <td className="px-3 py-2 align-top" data-col="change">
                    <Badge
                      tone={r.change === "revoked" ? "warn" : r.change === "granted" ? "success" : "neutral"}
                      icon={r.change === "revoked" ? "warn" : r.change === "granted" ? "check" : "swap"}
                    >
                      {t(`change.${r.change}`)}
                    </Badge>
                  </td>
                  <td className="px-3 py-2 align-top">{r.by ? <Address address={r.by} /> : t("created")}</td>
                  <td className="px-3 py-2 align-top">
                    {explorer ? (
                      <a
                        href={`${explorer}/tx/${r.txHash}`}
                        className="font-mono text-xs underline underline-offset-4"
                        rel="noreferrer"
                        target="_blank"
                      >
                        {short(r.txHash)}
                      </a>
                    ) : (
                      <code className="font-mono text-xs" title={r.txHash}>
                        {short(r.txHash)}
                      </code>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > rows.length ? (
        <p className="text-sm text-ink-muted">{t("more", { shown: rows.length, total })}</p>
      ) : null}
      <p className="text-xs text-ink-muted">{t("agentsNote")}</p>
    </section>
  );
}
