import { getLocale, getTranslations } from "next-intl/server";
import { IndexedHistoryTable, TxHashLink } from "@/components/compliance/indexed-history";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { getTokenRoleHistoryView } from "@/lib/compliance/views";
import { formatDayTime } from "@/lib/format/date";

/**
 * "Roles": who was granted or lost which role on a token, and its owner changing hands, from the indexer's record of
 * the token's events. Server component; the caller has already checked who may see the token (compliance, or the
 * issuer that owns the listing).
 */
export async function TokenRoleHistory({ token }: { token: string }) {
  const [t, locale, { indexed, rows, total, explorer }] = await Promise.all([
    getTranslations("tokenRoles"),
    getLocale(),
    getTokenRoleHistoryView(token),
  ]);
  const short = (h: string) => `${h.slice(0, 10)}…${h.slice(-6)}`;

  return (
    <IndexedHistoryTable
      id="token-roles"
      testId="token-roles"
      title={t("title")}
      intro={t("intro")}
      caption={t("caption")}
      columns={(["when", "account", "role", "change", "by", "tx"] as const).map((c) => t(`columns.${c}`))}
      indexed={indexed}
      unavailable={t("unavailable")}
      empty={t("empty")}
      more={total > rows.length ? t("more", { shown: rows.length, total }) : null}
      footer={<p className="text-xs text-ink-muted">{t("agentsNote")}</p>}
      rows={rows.map((r) => ({
        key: `${r.txHash}:${r.logIndex}`,
        cells: [
          { content: formatDayTime(r.at, locale), nowrap: true },
          { content: <Address address={r.account} /> },
          {
            header: true,
            content: r.role === "unknown" ? t("roles.unknown", { id: short(r.roleId ?? "") }) : t(`roles.${r.role}`),
          },
          {
            col: "change",
            content: (
              <Badge
                tone={r.change === "revoked" ? "warn" : r.change === "granted" ? "success" : "neutral"}
                icon={r.change === "revoked" ? "warn" : r.change === "granted" ? "check" : "swap"}
              >
                {t(`change.${r.change}`)}
              </Badge>
            ),
          },
          { content: r.by ? <Address address={r.by} /> : t("created") },
          { content: <TxHashLink hash={r.txHash} explorer={explorer} /> },
        ],
      }))}
    />
  );
}
