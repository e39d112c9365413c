import { getTranslations } from "next-intl/server";
import type { Address as Addr } from "viem";
import { Address } from "@/components/ui/address";
import { Section } from "@/components/ui/section";
import { StatTile, StatTiles } from "@/components/ui/stat-tiles";

/**
 * Read-only: who can act on the issuer's token besides the issuer. The platform's compliance officers (the
 * enforcement desk's agents) can pause it and freeze wallets alone; moving or burning a holder's shares takes two of
 * them (one proposes, another executes). The issuer cannot restrict them: enforcement is the licensed platform's duty.
 */
export async function TokenPowers({ powers }: { powers: { desk: Addr; deskHoldsPowers: boolean; agents: Addr[] } }) {
  const t = await getTranslations("issuer.powers");
  return (
    <Section id="token-powers" title={t("title")} look="display">
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      <StatTiles className="sm:grid-cols-2">
        <StatTile label={t("desk")} valueClassName="flex flex-col gap-1">
          <Address address={powers.desk} />
          <span>{powers.deskHoldsPowers ? t("deskHolds") : t("deskMissing")}</span>
        </StatTile>
        <StatTile label={t("agents", { count: powers.agents.length })}>
          {powers.agents.length === 0 ? (
            <span>{t("noAgents")}</span>
          ) : (
            <ul className="flex flex-col gap-1">
              {powers.agents.map((a) => (
                <li key={a}>
                  <Address address={a} />
                </li>
              ))}
            </ul>
          )}
        </StatTile>
      </StatTiles>
      <p className="text-sm">{t("restriction")}</p>
    </Section>
  );
}
