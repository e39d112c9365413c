import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getAddress, zeroAddress } from "viem";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { WalletLinkDecision } from "@/components/compliance/wallet-link-decision";
import { UnlinkQueue } from "@/components/compliance/wallet-unlink-queue";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageSession } from "@/lib/auth/guard";
import { formatDayTime } from "@/lib/format/date";
import type { LinkQueueRow } from "@/lib/kyc/wallet-links";
import { getWalletLinkQueueView } from "@/lib/kyc/views";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("walletLinks.queue");
  return { title: t("title") };
}

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
      <li
        key={r.id}
        className="flex flex-col gap-4 rounded-xl border border-line p-4 lg:flex-row lg:items-start lg:justify-between"
        data-request={r.id}
      >
        <div className="flex min-w-0 flex-col gap-2 text-sm">
          <Link
            href={`/compliance/investors/${r.investorId}`}
            className="font-medium underline-offset-4 hover:underline"
          >
            {r.investorName ?? t("unknownInvestor")}
          </Link>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-ink-muted">{t("current")}</dt>
            <dd>
              <Address address={getAddress(r.currentWallet)} />
            </dd>
            <dt className="text-ink-muted">{t("new")}</dt>
            <dd>{r.newWallet ? <Address address={getAddress(r.newWallet)} /> : "—"}</dd>
            <dt className="text-ink-muted">{t("submitted")}</dt>
            <dd>{r.submittedAt ? formatDayTime(r.submittedAt, locale) : "—"}</dd>
          </dl>
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
        </div>
        <div className="w-full lg:max-w-md">
          {r.status === "submitted" ? (
            <WalletLinkDecision
              id={r.id}
              officer={ctx.address}
              newWallet={getAddress(r.newWallet ?? zeroAddress)}
              investorName={r.investorName ?? t("unknownInvestor")}
            />
          ) : r.status === "linked" ? (
            <Decided
              badge={
                <Badge tone="success" icon="check">
                  {t("linked")}
                </Badge>
              }
              by={decidedBy}
            >
              {r.linkTxHash ? <code className="font-mono text-xs break-all">{r.linkTxHash}</code> : null}
            </Decided>
          ) : (
            <Decided
              badge={
                <Badge tone="danger" icon="error">
                  {t("rejected")}
                </Badge>
              }
              by={decidedBy}
            >
              <p>{r.rejectionReason}</p>
            </Decided>
          )}
        </div>
      </li>
    );
  };

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader current="wallets" title={t("title")} intro={t("intro")} />
      <section aria-labelledby="waiting-title" className="flex flex-col gap-3">
        <h2 id="waiting-title" className="text-lg font-medium">
          {t("waiting", { count: waiting.length })}
        </h2>
        {waiting.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
        ) : (
          <ul className="flex flex-col gap-3">{waiting.map(row)}</ul>
        )}
      </section>
      <UnlinkQueue unlinks={unlinks} officer={ctx.address} />
      {recent.length > 0 ? (
        <section aria-labelledby="recent-title" className="flex flex-col gap-3">
          <h2 id="recent-title" className="text-lg font-medium">
            {t("recent", { days: RECENT_DAYS })}
          </h2>
          <ul className="flex flex-col gap-3">{recent.map(row)}</ul>
        </section>
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
