import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/date";
import { Markdown } from "@/components/ui/markdown";
import { Money } from "@/components/ui/money";
import type { Artwork } from "@/lib/catalogue/types";

export function ArtworkText({ title, text }: { title: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <section className="flex flex-col gap-3">
      <h2 className="font-display text-2xl">{title}</h2>
      {/* Listing text: a safe Markdown subset, never HTML. */}
      <Markdown text={text} className="flex max-w-prose flex-col gap-3 text-lg leading-relaxed text-ink/90" />
    </section>
  );
}

/** Provenance timeline, condition, custody and insurance, appraisal history. */
export async function ArtworkDetails({ artwork }: { artwork: Artwork }) {
  const [t, locale] = await Promise.all([getTranslations("artwork"), getLocale()]);
  return (
    <div className="grid gap-12 md:grid-cols-2">
      <section aria-labelledby="provenance" className="flex flex-col gap-4">
        <h2 id="provenance" className="font-display text-2xl">
          {t("provenance")}
        </h2>
        <ol className="relative ml-2 border-l border-line-strong" role="list">
          {artwork.provenance.map((p, i) => (
            <li key={i} className="relative pb-5 pl-6 last:pb-0">
              <span aria-hidden className="absolute top-1.5 -left-[5px] size-2.5 rounded-full bg-accent" />
              <p className="font-medium tabular">{p.year}</p>
              <p className="text-ink-muted">{p.event}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="custody" className="flex flex-col gap-4">
        <h2 id="custody" className="font-display text-2xl">
          {t("custody.title")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-ink-muted">{t("custody.custodian")}</dt>
          <dd>{artwork.custodian ?? "—"}</dd>
          <dt className="text-ink-muted">{t("custody.location")}</dt>
          <dd>{artwork.custodianLocation ?? "—"}</dd>
          <dt className="text-ink-muted">{t("custody.insurer")}</dt>
          <dd>{artwork.insurer ?? "—"}</dd>
          <dt className="text-ink-muted">{t("custody.insuredValue")}</dt>
          <dd>
            {artwork.insuredValue ? (
              <Money value={BigInt(artwork.insuredValue)} decimals={2} fractionDigits={0} />
            ) : (
              "—"
            )}
          </dd>
        </dl>
        {artwork.conditionReport ? (
          <>
            <h3 className="mt-2 font-medium">{t("condition")}</h3>
            <p className="text-sm text-ink-muted">{artwork.conditionReport}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="appraisals" className="flex flex-col gap-4 md:col-span-2">
        <h2 id="appraisals" className="font-display text-2xl">
          {t("appraisals.title")}
        </h2>
        {artwork.appraisals.length === 0 ? (
          <p className="text-ink-muted">{t("appraisals.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-line text-left text-ink-muted">
                  <th scope="col" className="py-2 pr-4 font-normal">
                    {t("appraisals.date")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-normal">
                    {t("appraisals.appraiser")}
                  </th>
                  <th scope="col" className="py-2 text-right font-normal">
                    {t("appraisals.value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {artwork.appraisals.map((a) => (
                  <tr key={`${a.date}-${a.appraiser}`} className="border-b border-line last:border-0">
                    <td className="py-2 pr-4 tabular">{formatDay(new Date(a.date), locale)}</td>
                    <td className="py-2 pr-4">{a.appraiser}</td>
                    <td className="py-2 text-right">
                      <Money value={BigInt(a.value)} decimals={2} fractionDigits={0} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
