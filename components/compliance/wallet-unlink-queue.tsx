import { getLocale, getTranslations } from "next-intl/server";
import { getAddress } from "viem";
import { UnlinkDone, WalletUnlinkDecision } from "@/components/compliance/wallet-unlink-decision";
import { QueueItem } from "@/components/compliance/queue-item";
import { Address } from "@/components/ui/address";
import { Section } from "@/components/ui/section";
import { formatDayTime } from "@/lib/format/date";
import type { WalletLinkQueueView } from "@/lib/kyc";

/** Investors' requests to unlink a wallet: who asked, when, and the officer's decision (or the done transaction). */
export async function UnlinkQueue({
  unlinks,
  officer,
}: {
  unlinks: WalletLinkQueueView["unlinks"];
  officer: `0x${string}`;
}) {
  const [t, locale] = await Promise.all([getTranslations("walletLinks.queue"), getLocale()]);
  return (
    <Section
      id="unlink-title"
      title={t("unlinkTitle", { count: unlinks.filter((u) => u.status === "requested").length })}
      empty={unlinks.length === 0 ? t("unlinkEmpty") : null}
    >
      <ul className="flex flex-col gap-3">
        {unlinks.map((u) => (
          <QueueItem
            key={u.id}
            attributes={{ "data-unlink": String(u.id) }}
            investorId={String(u.investorId)}
            investorName={u.investorName ?? t("unknownInvestor")}
            facts={[
              { label: t("unlinkWallet"), value: <Address address={getAddress(u.wallet)} /> },
              { label: t("requestedBy"), value: <Address address={getAddress(u.requestedBy)} /> },
              { label: t("requestedAt"), value: formatDayTime(u.createdAt, locale) },
            ]}
            decision={
              u.status === "unlinked" ? (
                <UnlinkDone hash={u.txHash} />
              ) : (
                <WalletUnlinkDecision
                  id={u.id}
                  officer={officer}
                  wallet={getAddress(u.wallet)}
                  investorName={u.investorName ?? t("unknownInvestor")}
                  exposure={u.exposure}
                />
              )
            }
          />
        ))}
      </ul>
    </Section>
  );
}
