import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/date";
import { Markdown } from "@/components/ui/markdown";
import { Cell, DataTable, keyColumns, RIGHT, Row } from "@/components/ui/data-table";
import { FactList } from "@/components/ui/fact-list";
import { Money } from "@/components/ui/money";
import { Section } from "@/components/ui/section";
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
      <Section id="provenance" title={t("provenance")} look="display">
        <ol className="relative ml-2 border-l border-line-strong" role="list">
          {artwork.provenance.map((p, i) => (
            <li key={i} className="relative pb-5 pl-6 last:pb-0">
              <span aria-hidden className="absolute top-1.5 -left-[5px] size-2.5 rounded-full bg-accent" />
              <p className="font-medium tabular">{p.year}</p>
              <p className="text-ink-muted">{p.event}</p>
            </li>
          ))}
        </ol>
      </Section>

      <Section id="custody" title={t("custody.title")} look="display">
        <FactList
          dense={false}
          facts={[
            { label: t("custody.custodian"), value: artwork.custodian },
            { label: t("custody.location"), value: artwork.custodianLocation },
            { label: t("custody.insurer"), value: artwork.insurer },
            {
              label: t("custody.insuredValue"),
              value: artwork.insuredValue ? (
                <Money value={BigInt(artwork.insuredValue)} decimals={2} fractionDigits={0} />
              ) : null,
            },
          ]}
        />
        {artwork.conditionReport ? (
          <>
            <h3 className="mt-2 font-medium">{t("condition")}</h3>
            <p className="text-sm text-ink-muted">{artwork.conditionReport}</p>
          </>
        ) : null}
      </Section>

      <Section id="appraisals" title={t("appraisals.title")} look="display" className="md:col-span-2">
        {artwork.appraisals.length === 0 ? (
          <p className="text-ink-muted">{t("appraisals.empty")}</p>
        ) : (
          <DataTable
            labelledBy="appraisals"
            minWidth="0"
            framed={false}
            columns={keyColumns(["date", "appraiser", "value"], (k) => t(`appraisals.${k}`), { value: RIGHT })}
          >
            {artwork.appraisals.map((a) => (
              <Row key={`${a.date}-${a.appraiser}`}>
                <Cell className="tabular">{formatDay(new Date(a.date), locale)}</Cell>
                <Cell>{a.appraiser}</Cell>
                <Cell className="text-right">
                  <Money value={BigInt(a.value)} decimals={2} fractionDigits={0} />
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </Section>
    </div>
  );
}
