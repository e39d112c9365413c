import { getTranslations } from "next-intl/server";
import { changeCell, IndexedHistoryTable, shortHash } from "@/components/compliance/indexed-history";
import { Address } from "@/components/ui/address";
import { getTokenRoleHistoryView } from "@/lib/compliance";
import { roleChangeLooks } from "@/lib/compliance/client";

/**
 * "Roles": who was granted or lost which role on a token, and its owner changing hands, from the indexer's record of
 * the token's events. Server component; the caller has already checked who may see the token (compliance, or the
 * issuer that owns the listing).
 */
export async function TokenRoleHistory({ token }: { token: string }) {
  const [t, history] = await Promise.all([getTranslations("tokenRoles"), getTokenRoleHistoryView(token)]);

  return (
    <IndexedHistoryTable
      id="token-roles"
      t={t}
      columns={["account", "role", "change", "by"]}
      history={history}
      footer={<p className="text-xs text-ink-muted">{t("agentsNote")}</p>}
      cells={(r) => [
        { content: <Address address={r.account} /> },
        {
          header: true,
          content: r.role === "unknown" ? t("roles.unknown", { id: shortHash(r.roleId ?? "") }) : t(`roles.${r.role}`),
        },
        changeCell(roleChangeLooks, r.change, t(`change.${r.change}`)),
        { content: r.by ? <Address address={r.by} /> : t("created") },
      ]}
    />
  );
}
