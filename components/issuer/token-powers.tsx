import { getTranslations } from "next-intl/server";
import type { Address as Addr } from "viem";
import { Address } from "@/components/ui/address";

/**
 * Read-only: who can act on the issuer's token besides the issuer. The platform's compliance officers (the
 * enforcement desk's agents) can pause it and freeze wallets alone; moving or burning a holder's shares takes two of
 * them (one proposes, another executes). The issuer cannot restrict them: enforcement is the licensed platform's duty.
 */
export async function TokenPowers({ powers }: { powers: { desk: Addr; deskHoldsPowers: boolean; agents: Addr[] } }) {
  const t = await getTranslations("issuer.powers");
  return (
    <section aria-labelledby="token-powers" className="flex flex-col gap-3">
      <h2 id="token-powers" className="font-display text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="rounded-xl border border-line px-3 py-2">
          <dt className="text-xs text-ink-muted">{t("desk")}</dt>
          <dd className="flex flex-col gap-1">
            <Address address={powers.desk} />
            <span>{powers.deskHoldsPowers ? t("deskHolds") : t("deskMissing")}</span>
          </dd>
        </div>
        <div className="rounded-xl border border-line px-3 py-2">
          <dt className="text-xs text-ink-muted">{t("agents", { count: powers.agents.length })}</dt>
          <dd>
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
          </dd>
        </div>
      </dl>
      <p className="text-sm">{t("restriction")}</p>
    </section>
  );
}
