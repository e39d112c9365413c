import { getLocale, getTranslations } from "next-intl/server";
import { changeCell, IndexedHistoryTable, TxHashLink } from "@/components/compliance/indexed-history";
import { Address } from "@/components/ui/address";
import { getTokenRoleHistoryView } from "@/lib/compliance/views";
import { roleChangeLooks } from "@/lib/compliance/status-look";
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
      t={t}
      columns={["when", "account", "role", "change", "by", "tx"]}
      indexed={indexed}
      total={total}
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
          changeCell(roleChangeLooks, r.change, t(`change.${r.change}`)),
          { content: r.by ? <Address address={r.by} /> : t("created") },
          { content: <TxHashLink hash={r.txHash} explorer={explorer} /> },
        ],
      }))}
    />
  );
}
