import { useTranslations } from "next-intl";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import type { KybApplicationData, KybDocumentKind } from "@/lib/kyb/types";

/** The company's answers as facts (the applicant's read-only view and the officer's review). */
export function KybApplicationFacts({ data, id = "company" }: { data: KybApplicationData; id?: string }) {
  const t = useTranslations("kyb.apply");
  return (
    <Section id={id} title={t("companyTitle")} look="card">
      <FactList
        stackOnPhones
        facts={[
          { label: t("legalNameEn"), value: data.legalNameEn || null },
          { label: t("legalNameZh"), value: data.legalNameZh ? <span lang="zh-HK">{data.legalNameZh}</span> : null },
          { label: t("crNumber"), value: data.crNumber || null },
          { label: t("brNumber"), value: data.brNumber || null },
          { label: t("registeredAddress"), value: data.registeredAddress || null },
          {
            label: t("peopleLegend"),
            value: data.people?.length ? (
              <ul>
                {data.people.map((p, i) => (
                  <li key={i}>
                    {p.name} — {p.role}
                  </li>
                ))}
              </ul>
            ) : null,
          },
          {
            label: t("walletsLegend"),
            value: data.signatoryWallets?.length ? (
              <ul className="font-mono text-xs break-all">
                {data.signatoryWallets.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null,
          },
          {
            label: t("listingPlan"),
            value: data.listingPlan ? <p className="whitespace-pre-wrap">{data.listingPlan}</p> : null,
          },
        ]}
      />
    </Section>
  );
}

/** The documents as links to the authorised file route (the applicant and compliance only; each view audited). */
export function KybDocumentLinks({
  documents,
}: {
  documents: { id: string; kind: KybDocumentKind; name: string; sizeBytes: number }[];
}) {
  const t = useTranslations("kyc.documents");
  const tk = useTranslations("kyb.apply");
  return (
    <Section id="documents" title={tk("documentsTitle")} look="card">
      <ul className="flex flex-col gap-2 text-sm">
        {(["certificate_of_incorporation", "business_registration", "board_resolution"] as const).map((kind) => {
          const doc = documents.find((d) => d.kind === kind);
          return (
            <li key={kind} className="flex flex-wrap items-baseline gap-2">
              <span className="font-medium">{t(`kinds.${kind}.title`)}</span>
              {doc ? (
                <a
                  href={`/api/kyb/documents/${doc.id}`}
                  target="_blank"
                  rel="noreferrer"
                  className="text-accent underline"
                >
                  {t("view")} <span className="sr-only">{t(`kinds.${kind}.title`)}</span>
                </a>
              ) : (
                <span className="text-ink-muted">{t("missing")}</span>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
