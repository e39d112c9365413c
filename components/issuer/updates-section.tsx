import { getLocale, getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/ui/markdown";
import { Money } from "@/components/ui/money";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDay } from "@/lib/format/date";
import { type IssuerUpdateView, todayInHongKong, UPDATE_LIMITS } from "@/lib/issuer";
import { updateStateLooks, LIMITS } from "@/lib/issuer/client";
import { LazyAnchorUpdate, LazyUpdateForm } from "./listing-lazy";

export const updateDay = (isoDate: string, locale: string) => formatDay(new Date(`${isoDate}T04:00:00Z`), locale);

/** Published once the update's hash is anchored on-chain. */
const updateState = (u: IssuerUpdateView) => (u.publishedAt ? "published" : "awaitingAnchor");

/** The issuer's updates for a listed artwork: each with its state (published, or waiting for its anchors), and the form. */
export async function IssuerUpdatesSection({
  id,
  updates,
  account,
  token,
  appOrigin,
}: {
  id: string;
  updates: IssuerUpdateView[];
  account: Address;
  token: Address;
  appOrigin: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("issuer.updates"), getLocale()]);
  return (
    <Section id="updates" title={t("title")} intro={t("intro")} look="display">
      {updates.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line-strong p-6 text-center text-sm text-ink-muted">
          {t("empty")}
        </p>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t("listLabel")}>
          {updates.map((u) => (
            <li key={u.id} className="flex flex-col gap-3 rounded-2xl border border-line p-5" aria-label={u.title}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex min-w-0 flex-col">
                  <p className="text-xs tracking-wide text-ink-muted uppercase">
                    {t(`kinds.${u.kind}`)} · <span className="tabular">{updateDay(u.eventDate, locale)}</span>
                  </p>
                  <h3 className="font-medium">{u.title}</h3>
                </div>
                <StatusBadge looks={updateStateLooks} status={updateState(u)}>
                  {t(updateState(u))}
                </StatusBadge>
              </div>
              {u.value ? (
                <p className="text-sm">
                  {t("valueLine", { appraiser: u.appraiser ?? "—" })}{" "}
                  <Money value={BigInt(u.value)} decimals={2} fractionDigits={0} />
                </p>
              ) : null}
              <Markdown text={u.bodyMd} className="flex flex-col gap-2 text-sm text-ink/90" />
              {u.documents.length > 0 ? (
                <ul
                  className="divide-y divide-line rounded-xl border border-line text-sm"
                  aria-label={t("documentsOf", { title: u.title })}
                >
                  {u.documents.map((d) => (
                    <li
                      key={d.id}
                      className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:justify-between"
                    >
                      <span className="flex min-w-0 flex-col">
                        <a href={`/documents/${d.id}`} className="font-medium underline-offset-4 hover:underline">
                          {d.title}
                        </a>
                        <code className="font-mono text-xs break-all text-ink-muted">SHA-256 {d.sha256}</code>
                      </span>
                      <span className="shrink-0">
                        <Badge tone={d.anchored ? "success" : "neutral"} icon={d.anchored ? "check" : "clock"}>
                          {d.anchored ? t("docAnchored") : t("docNotAnchored")}
                        </Badge>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {u.publishedAt ? (
                <p className="text-xs text-ink-muted">
                  {t("publishedOn", { date: formatDay(u.publishedAt, locale) })}
                  {u.txHash ? (
                    <>
                      {" "}
                      · {t("tx")} <code className="font-mono break-all">{u.txHash}</code>
                    </>
                  ) : null}
                </p>
              ) : (
                <LazyAnchorUpdate
                  id={id}
                  updateId={u.id}
                  title={u.title}
                  account={account}
                  token={token}
                  appOrigin={appOrigin}
                  documents={u.documents}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-col gap-3 rounded-2xl border border-line p-5">
        <h3 className="font-display text-xl">{t("newTitle")}</h3>
        <p className="text-sm text-ink-muted">{t("newIntro")}</p>
        <LazyUpdateForm
          id={id}
          maxMb={LIMITS.documentBytes / (1024 * 1024)}
          maxFiles={UPDATE_LIMITS.documents}
          today={todayInHongKong()}
        />
      </div>
    </Section>
  );
}
