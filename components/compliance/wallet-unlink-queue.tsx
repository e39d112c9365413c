import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getAddress } from "viem";
import { UnlinkDone, WalletUnlinkDecision } from "@/components/compliance/wallet-unlink-decision";
import { Address } from "@/components/ui/address";
import { formatDayTime } from "@/lib/format/date";
import type { WalletLinkQueueView } from "@/lib/kyc/views";

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
    <section aria-labelledby="unlink-title" className="flex flex-col gap-3">
      <h2 id="unlink-title" className="text-lg font-medium">
        {t("unlinkTitle", { count: unlinks.filter((u) => u.status === "requested").length })}
      </h2>
      {unlinks.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("unlinkEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {unlinks.map((u) => (
            <li
              key={u.id}
              className="flex flex-col gap-4 rounded-xl border border-line p-4 lg:flex-row lg:items-start lg:justify-between"
              data-unlink={u.id}
            >
              <div className="flex min-w-0 flex-col gap-2 text-sm">
                <Link
                  href={`/compliance/investors/${u.investorId}`}
                  className="font-medium underline-offset-4 hover:underline"
                >
                  {u.investorName ?? t("unknownInvestor")}
                </Link>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                  <dt className="text-ink-muted">{t("unlinkWallet")}</dt>
                  <dd>
                    <Address address={getAddress(u.wallet)} />
                  </dd>
                  <dt className="text-ink-muted">{t("requestedBy")}</dt>
                  <dd>
                    <Address address={getAddress(u.requestedBy)} />
                  </dd>
                  <dt className="text-ink-muted">{t("requestedAt")}</dt>
                  <dd>{formatDayTime(u.createdAt, locale)}</dd>
                </dl>
              </div>
              <div className="w-full lg:max-w-md">
                {u.status === "unlinked" ? (
                  <UnlinkDone hash={u.txHash} />
                ) : (
                  <WalletUnlinkDecision
                    id={u.id}
                    officer={officer}
                    wallet={getAddress(u.wallet)}
                    investorName={u.investorName ?? t("unknownInvestor")}
                    exposure={u.exposure}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
