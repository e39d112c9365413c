import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/date";
import { Markdown } from "@/components/ui/markdown";
import { Money } from "@/components/ui/money";
import { Section } from "@/components/ui/section";
import type { ArtworkUpdateView } from "@/lib/assets";
import { DocumentsList } from "./documents-list";

/** The issuer's published updates, newest first, each with its documents verified against the chain. No client JS. */
export async function UpdatesList({ updates }: { updates: ArtworkUpdateView[] }) {
  const [t, locale] = await Promise.all([getTranslations("artwork.updates"), getLocale()]);
  return (
    <Section id="updates" title={t("title")} look="display">
      {updates.length === 0 ? (
        <p className="text-ink-muted">{t("empty")}</p>
      ) : (
        <>
          <p className="text-sm text-ink-muted">{t("intro")}</p>
          <ol className="flex flex-col gap-8 border-l border-line-strong pl-6" role="list">
            {updates.map((u) => (
              <li key={u.id} className="relative flex flex-col gap-3">
                <span aria-hidden className="absolute top-1.5 -left-[29px] size-2.5 rounded-full bg-accent" />
                <article aria-labelledby={`update-${u.id}`} className="flex flex-col gap-3">
                  <header className="flex flex-col gap-1">
                    <p className="text-xs tracking-wide text-ink-subtle uppercase">
                      {t(`kind.${u.kind}`)} ·{" "}
                      <time dateTime={u.eventDate} className="tabular">
                        {formatDay(new Date(`${u.eventDate}T04:00:00Z`), locale)}
                      </time>
                    </p>
                    <h3 id={`update-${u.id}`} className="font-display text-xl">
                      {u.title}
                    </h3>
                  </header>
                  {u.value ? (
                    <p className="text-sm">
                      {t("valuation", { appraiser: u.appraiser ?? "—" })}{" "}
                      <Money value={BigInt(u.value)} decimals={2} fractionDigits={0} className="font-medium" />
                    </p>
                  ) : null}
                  <Markdown text={u.bodyMd} className="flex max-w-prose flex-col gap-2 leading-relaxed text-ink/90" />
                  {u.documents.length > 0 ? (
                    <DocumentsList documents={u.documents} intro={false} label={t("documentsOf", { title: u.title })} />
                  ) : null}
                  <p className="text-xs text-ink-subtle">
                    {t("publishedOn", {
                      date: formatDay(u.publishedAt, locale),
                    })}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}
