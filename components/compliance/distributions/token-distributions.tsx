import { getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { LazyHoldDistribution } from "./lazy-hold";
import { DistributionsTable } from "@/components/distributions/distributions-table";
import { Section } from "@/components/ui/section";
import { loadTokenDistributions } from "@/lib/distributions";

/** Compliance's view of a token's distributions, each held or released by a registry agent with a reason. */
export async function TokenDistributions({
  token,
  officer,
  identityAgent,
}: {
  token: Address;
  officer: Address;
  /** The distributor lets only the identity registry's agents hold. */
  identityAgent: boolean;
}) {
  const [t, { distributor, items }] = await Promise.all([
    getTranslations("distributions.compliance"),
    loadTokenDistributions(token),
  ]);
  return (
    <Section id="distributions" title={t("title")} intro={t("intro")}>
      {items.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("empty")}</p>
      ) : (
        <div className="flex flex-col gap-3">
          {!identityAgent ? <p className="text-sm text-ink-muted">{t("notAgent")}</p> : null}
          <DistributionsTable
            items={items}
            caption={t("caption")}
            testId="compliance-distributions"
            action={(d) =>
              identityAgent && distributor && d.status !== "closed" ? (
                <LazyHoldDistribution
                  distributor={distributor}
                  account={officer}
                  onChainId={d.onChainId}
                  held={d.status === "held"}
                />
              ) : null
            }
          />
        </div>
      )}
    </Section>
  );
}
