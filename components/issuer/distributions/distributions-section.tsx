import { getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { DistributionsTable } from "@/components/distributions/distributions-table";
import { Section } from "@/components/ui/section";
import { loadTokenDistributions } from "@/lib/distributions";
import { LazyCloseDistribution, LazyDistributionForm } from "../listing-lazy";

/**
 * The issuer's distributions of a live token: the form (plan → preview → sign) and the token's distributions as the
 * indexer recorded them, each closable by its issuer once its claim window has ended.
 */
export async function IssuerDistributionsSection({
  token,
  account,
  live,
}: {
  token: Address;
  account: Address;
  /** The token's offering has started (there are, or will be, holders to pay). */
  live: boolean;
}) {
  const t = await getTranslations("distributions.issuer");
  if (!live)
    return (
      <Section id="distributions" title={t("title")} intro={t("intro")} look="display">
        <p className="text-sm text-ink-muted">{t("notLive")}</p>
      </Section>
    );
  const { distributor, chainTime, items } = await loadTokenDistributions(token);
  return (
    <Section id="distributions" title={t("title")} intro={t("intro")} look="display">
      <div className="flex flex-col gap-8">
        <LazyDistributionForm token={token} account={account} />
        <div className="flex flex-col gap-3">
          <h3 className="font-medium">{t("listTitle")}</h3>
          {items.length === 0 ? (
            <p className="rounded-xl border border-dashed border-line-strong p-6 text-center text-sm text-ink-muted">
              {t("listEmpty")}
            </p>
          ) : (
            <DistributionsTable
              items={items}
              caption={t("listTitle")}
              testId="issuer-distributions"
              action={(d) =>
                !distributor || d.issuer !== account.toLowerCase() ? null : d.status === "held" ? (
                  <span className="text-xs text-ink-muted">{t("closeHeld")}</span>
                ) : d.status !== "closed" && Date.parse(d.claimDeadline) / 1000 > chainTime ? (
                  <span className="text-xs text-ink-muted">{t("closeWaitDeadline")}</span>
                ) : (
                  // Also rendered once closed (no trigger then): the status of a close just signed here survives the
                  // refresh that shows the row closed, and keeps the focus the dialog returned to it.
                  <LazyCloseDistribution
                    distributor={distributor}
                    account={account}
                    onChainId={d.onChainId}
                    unclaimed={(BigInt(d.amount) - BigInt(d.claimedAmount)).toString()}
                    closed={d.status === "closed"}
                  />
                )
              }
            />
          )}
        </div>
      </div>
    </Section>
  );
}
