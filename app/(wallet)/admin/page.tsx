import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { IssuerApplicationsAwaitingRole } from "@/components/admin/issuer-applications";
import { RoleChangeDialog, type RoleContracts } from "@/components/admin/role-change-dialog";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Cell, DataTable, keyColumns, Row, SR_ONLY } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { listAdminRoles } from "@/lib/admin";
import { KEEPS_LAST_HOLDER, type PlatformRole } from "@/lib/admin/client";
import { requirePageSession } from "@/lib/auth";
import { formatDayTime } from "@/lib/format/date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.roles");
  return { title: t("title") };
}

const SECTIONS: readonly PlatformRole[] = ["identityAgent", "enforcementAgent", "issuer", "admin"];

/** The platform admin's console: who holds which platform role (from the chain), since when and by whom (indexer). */
export default async function AdminRolesPage() {
  const ctx = await requirePageSession({ role: "admin", next: "/admin" });
  const [view, t, locale] = await Promise.all([listAdminRoles(), getTranslations("admin"), getLocale()]);
  if (!view.ok) {
    return (
      <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
        <AdminHeader current="roles" />
        <Alert tone="error" title={t("roles.unavailableTitle")}>
          {t("roles.unavailableBody")}
        </Alert>
      </div>
    );
  }
  const { holders, counts, contracts } = view.value;
  const roleContracts: RoleContracts = {
    identityAgent: contracts.identityRegistry,
    issuer: contracts.shareTokenFactory,
    enforcementAgent: contracts.enforcementDesk ?? null,
  };
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <AdminHeader current="roles" />
      <div className="flex flex-col gap-2 rounded-xl border border-line p-5">
        <h2 className="text-lg font-semibold">{t("change.grantTitle")}</h2>
        <p className="text-sm text-ink-muted">{t("roles.grantIntro")}</p>
        <div>
          <RoleChangeDialog contracts={roleContracts} admin={ctx.address} />
        </div>
      </div>
      <IssuerApplicationsAwaitingRole contracts={roleContracts} admin={ctx.address} />
      {SECTIONS.filter((r) => r !== "enforcementAgent" || roleContracts.enforcementAgent).map((role) => {
        const rows = holders.filter((h) => h.role === role);
        const last = KEEPS_LAST_HOLDER.has(role) && counts[role] <= 1;
        return (
          <Section
            key={role}
            id={`role-${role}`}
            look="console"
            title={t("roles.sectionTitle", { role: t(`change.roles.${role}`), count: rows.length })}
            intro={t(`roles.about.${role}`)}
          >
            {rows.length === 0 ? (
              <EmptyState title={t("roles.emptyTitle")} description={t("roles.emptyBody")} />
            ) : (
              <DataTable
                labelledBy={`role-${role}`}
                testId={`holders-${role}`}
                minWidth="40rem"
                regionLabel={t("roles.tableRegion", { role: t(`change.roles.${role}`) })}
                columns={keyColumns(
                  ["colWallet", "colGrantedAt", "colGrantedBy", "colActions"],
                  (k) => t(`roles.${k}`),
                  {
                    colActions: SR_ONLY,
                  },
                )}
              >
                {rows.map((h) => (
                  <Row key={h.account} data-account={h.account.toLowerCase()}>
                    <Cell>
                      <Address address={h.account} />
                    </Cell>
                    <Cell>{h.grantedAt ? formatDayTime(h.grantedAt, locale) : t("roles.notRecorded")}</Cell>
                    <Cell>{h.grantedBy ? <Address address={h.grantedBy} /> : "—"}</Cell>
                    <Cell>
                      {role === "admin" ? null : (
                        <RoleChangeDialog
                          contracts={roleContracts}
                          admin={ctx.address}
                          revoke={{ role, account: h.account }}
                          lastHolder={last}
                        />
                      )}
                    </Cell>
                  </Row>
                ))}
              </DataTable>
            )}
          </Section>
        );
      })}
    </div>
  );
}
