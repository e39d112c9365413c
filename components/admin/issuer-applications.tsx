import { getLocale, getTranslations } from "next-intl/server";
import { KybStatusBadge } from "@/components/kyb/status-badge";
import { Address } from "@/components/ui/address";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { ChineseName } from "@/components/ui/chinese-name";
import { formatDayTime } from "@/lib/format/date";
import { getAwaitingIssuerRoleView } from "@/lib/kyb";
import { RoleChangeDialog, type RoleContracts } from "./role-change-dialog";

/**
 * Approved issuer applications waiting for the issuer role: each signatory wallet with a Grant button that opens the
 * console's own grant (the admin's wallet signs `grantRole` on the factory; the reason names the application). Once
 * every wallet holds the role on-chain the application reads "active" and leaves this list.
 */
export async function IssuerApplicationsAwaitingRole({
  contracts,
  admin,
}: {
  contracts: RoleContracts;
  admin: string;
}) {
  const [{ waiting: apps, recent }, t, locale] = await Promise.all([
    getAwaitingIssuerRoleView(),
    getTranslations("kyb.admin"),
    getLocale(),
  ]);
  return (
    <Section id="issuer-applications" look="console" title={t("title", { count: apps.length })} intro={t("intro")}>
      {apps.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-4">
          {apps.map((app) => (
            <li
              key={app.id}
              data-application={app.id}
              className="flex flex-col gap-3 rounded-xl border border-line p-4"
            >
              <p className="font-medium">
                {app.legalNameEn}
                <ChineseName name={app.legalNameZh} className="font-normal" />
              </p>
              <ul className="flex flex-col gap-2 text-sm">
                {app.wallets.map((w) => (
                  <li
                    key={w.address}
                    className="flex flex-wrap items-center gap-3"
                    data-wallet={w.address.toLowerCase()}
                  >
                    <Address address={w.address} />
                    {w.issuer ? (
                      <span className="text-success">{t("granted")}</span>
                    ) : (
                      <RoleChangeDialog
                        contracts={contracts}
                        admin={admin}
                        grant={{
                          role: "issuer",
                          account: w.address as `0x${string}`,
                          reason: t("reason", { id: app.id, name: app.legalNameEn }),
                          label: t("grant"),
                          ariaLabel: t("grantNamed", { wallet: w.address }),
                        }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {recent.length ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">{t("recentTitle")}</h3>
          <ul className="flex flex-col gap-1 text-sm" data-testid="kyb-recently-active">
            {recent.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-2">
                <span>{a.legalNameEn}</span>
                <KybStatusBadge status="active" />
                <span className="text-ink-muted">{formatDayTime(a.activatedAt, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
