import { getLocale, getTranslations } from "next-intl/server";
import { getAddress, zeroAddress } from "viem";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { QueueItem } from "@/components/compliance/queue-item";
import { WalletLinkDecision } from "@/components/compliance/wallet-link-decision";
import { UnlinkQueue } from "@/components/compliance/wallet-unlink-queue";
import { Address } from "@/components/ui/address";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageSession } from "@/lib/auth";
import { linkDecisionLooks } from "@/lib/compliance/client";
import { type LinkQueueRow, getWalletLinkQueueView } from "@/lib/kyc";
import { formatDayTime } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("walletLinks.queue");

const RECENT_DAYS = 14;

/** Wallet-link requests signed by both wallets, oldest first; then the last two weeks' decisions. */
export default async function WalletLinksPage() {
  const ctx = await requirePageSession({ role: "identityAgent", next: "/compliance/wallets" });
  const [t, locale] = await Promise.all([getTranslations("walletLinks.queue"), getLocale()]);
  const { waiting, recent, unlinks } = await getWalletLinkQueueView({ days: RECENT_DAYS });

  const row = (r: LinkQueueRow) => {
    const decidedBy = t("decidedBy", {
      officer: r.decidedBy ?? "",
      date: r.decidedAt ? formatDayTime(r.decidedAt, locale) : "",
    });
    return (
      <QueueItem
        key={r.id}
        attributes={{ "data-request": String(r.id) }}
        investorId={String(r.investorId)}
        investorName={r.investorName ?? t("unknownInvestor")}
        facts={[
          { label: t("current"), value: <Address address={getAddress(r.currentWallet)} /> },
          { label: t("new"), value: r.newWallet ? <Address address={getAddress(r.newWallet)} /> : null },
          { label: t("submitted"), value: r.submittedAt ? formatDayTime(r.submittedAt, locale) : null },
        ]}
        details={
          <>
            {r.initiatedBy ? <p className="text-ink-muted">{t("officerOpened", { officer: r.initiatedBy })}</p> : null}
            <details className="text-xs text-ink-muted">
              <summary className="cursor-pointer">{t("proof")}</summary>
              <div className="mt-2 grid gap-2">
                {r.currentSignature ? (
                  <pre className="whitespace-pre-wrap rounded-lg bg-surface-muted p-2 font-mono">
                    {r.currentMessage}
                    {"\n\n"}
                    {r.currentSignature}
                  </pre>
                ) : null}
                <pre className="whitespace-pre-wrap rounded-lg bg-surface-muted p-2 font-mono">
                  {r.newMessage}
                  {"\n\n"}
                  {r.newSignature}
                </pre>
              </div>
            </details>
          </>
        }
        decision={
          r.status === "submitted" ? (
            <WalletLinkDecision
              id={r.id}
              officer={ctx.address}
              newWallet={getAddress(r.newWallet ?? zeroAddress)}
              investorName={r.investorName ?? t("unknownInvestor")}
            />
          ) : (
            <Decided
              badge={
                <StatusBadge looks={linkDecisionLooks} status={r.status === "linked" ? "linked" : "rejected"}>
                  {t(r.status === "linked" ? "linked" : "rejected")}
                </StatusBadge>
              }
              by={decidedBy}
            >
              {r.status === "linked" ? (
                r.linkTxHash ? (
                  <code className="font-mono text-xs break-all">{r.linkTxHash}</code>
                ) : null
              ) : (
                <p>{r.rejectionReason}</p>
              )}
            </Decided>
          )
        }
      />
    );
  };

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader current="wallets" title={t("title")} intro={t("intro")} />
      <Section id="waiting-title" title={t("waiting", { count: waiting.length })}>
        {waiting.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
        ) : (
          <ul className="flex flex-col gap-3">{waiting.map(row)}</ul>
        )}
      </Section>
      <UnlinkQueue unlinks={unlinks} officer={ctx.address} />
      {recent.length > 0 ? (
        <Section id="recent-title" title={t("recent", { days: RECENT_DAYS })}>
          <ul className="flex flex-col gap-3">{recent.map(row)}</ul>
        </Section>
      ) : null}
    </div>
  );
}

/** A decided request: its outcome, who decided it and when, and what goes with the outcome. */
function Decided({ badge, by, children }: { badge: React.ReactNode; by: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div>{badge}</div>
      <span className="text-ink-muted">{by}</span>
      {children}
    </div>
  );
}
