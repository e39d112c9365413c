import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { KycReviewNotes } from "@/components/compliance/kyc-review-notes";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Cell, DataTable, keyColumns, Row, RowHeader } from "@/components/ui/data-table";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import { alpha2ToNumeric, countryName, countryNameFromNumeric } from "@/lib/i18n/countries";
import { formatDay, formatDayTime } from "@/lib/format/date";
import type { KycApplicationView } from "@/lib/kyc";

/* The sections of one KYC application as compliance reviews it (app/(wallet)/compliance/kyc/[id]). */

export type RegistryDiffRow = { key: string; label: string; before: string; after: string; changed: boolean };

/** The console's texts and the locale: all that most sections need. */
const kycTextAndLocale = () => Promise.all([getTranslations("complianceKyc"), getLocale()]);
type KycText = Awaited<ReturnType<typeof kycTextAndLocale>>[0];

/** With them, the wizard's and the categories' texts, for the sections that word the investor's answers. */
const answerTextsAndLocale = () =>
  Promise.all([
    getTranslations("complianceKyc"),
    getTranslations("kyc"),
    getTranslations("account.investor.categories"),
    getLocale(),
  ]);

/** The view and the category the officer has chosen (approval writes it to the registry). */
type WithCategory = { v: KycApplicationView; category: KycApplicationView["investor"]["category"] };

/**
 * A card of the application's page that needs only the console's texts and the locale: `body` renders its content
 * from the view (null: the page shows no card), inside the section `id` titled by the message `title`.
 */
function kycCard(
  id: string,
  title: string,
  body: (v: KycApplicationView, t: KycText, locale: string) => ReactNode | null,
) {
  return async function KycCard({ v }: { v: KycApplicationView }) {
    const [t, locale] = await kycTextAndLocale();
    const content = body(v, t, locale);
    return content === null ? null : (
      <Section id={id} title={t(title)} look="card">
        {content}
      </Section>
    );
  };
}

/** What the identity registry holds today against what approval will write (or why it could not be read). */
export async function KycRegistryDiff({ v, category }: WithCategory) {
  const [t, tk, tcat, locale] = await answerTextsAndLocale();
  const { registered, registryUnavailable } = v;
  const newResidence = v.app.data.residence?.residence ?? v.investor.residence;
  const newCountry = newResidence ? alpha2ToNumeric(newResidence) : undefined;
  const diffRows: RegistryDiffRow[] = registered
    ? [
        {
          key: "category",
          label: tk("category.legend"),
          before: registered.category ? tcat(registered.category) : "—",
          after: category ? tcat(category) : "—",
          changed: registered.category !== category,
        },
        {
          key: "country",
          label: tk("residence.residence"),
          before: countryNameFromNumeric(registered.country, locale),
          after: newCountry ? countryNameFromNumeric(newCountry, locale) : "—",
          changed: registered.country !== newCountry,
        },
        {
          key: "expiry",
          label: t("application.expiry"),
          before: registered.expired
            ? t("application.expired", { date: formatDay(new Date(Number(registered.expiry) * 1000), locale) })
            : formatDay(new Date(Number(registered.expiry) * 1000), locale),
          after: t("application.expiryNew", { months: v.validityMonths }),
          changed: true,
        },
      ]
    : [];
  return registryUnavailable ? (
    <Alert tone="warn" role="none" title={t("application.registryUnavailable")} />
  ) : registered ? (
    <Section id="registry-diff" title={t("application.renewalTitle")} look="card">
      <p className="-mt-2 mb-3 text-sm text-ink-muted">{t("application.renewalIntro")}</p>
      <DataTable
        labelledBy="registry-diff"
        testId="registry-diff"
        minWidth="20rem"
        framed={false}
        columns={keyColumns(["field", "onRegistry", "afterApproval"], (k) => t(`application.${k}`))}
      >
        {diffRows.map((row) => (
          <Row key={row.key} data-changed={row.changed || undefined}>
            <RowHeader className="text-ink-muted">{row.label}</RowHeader>
            <Cell>{row.before}</Cell>
            <Cell className={row.changed ? "font-semibold" : undefined}>
              <span aria-hidden="true">→ </span>
              {row.after}{" "}
              <span className="text-xs font-normal text-ink-muted">
                ({row.changed ? t("application.changed") : t("application.unchanged")})
              </span>
            </Cell>
          </Row>
        ))}
      </DataTable>
    </Section>
  ) : (
    <Alert tone="info" role="none" title={t("application.firstTitle")}>
      <p>{t("application.firstIntro")}</p>
    </Alert>
  );
}

/** The questions asked of the investor and their answers. */
export const KycInfoThread = kycCard("thread", "application.thread", ({ thread }, t, locale) =>
  thread.length === 0 ? null : (
    <ol className="flex flex-col gap-3">
      {thread.map((m) => (
        <li
          key={`${m.kind}-${m.at.toISOString()}`}
          className={
            m.kind === "request"
              ? "rounded-lg border border-line bg-surface-muted p-3"
              : "rounded-lg border border-line p-3 sm:ml-8"
          }
        >
          <p className="text-xs text-ink-muted">
            {t(m.kind === "request" ? "application.asked" : "application.answered", {
              when: formatDayTime(m.at, locale),
            })}{" "}
            <Address address={m.by} copy={false} />
          </p>
          <p className="mt-1 text-sm whitespace-pre-line">{m.text}</p>
        </li>
      ))}
    </ol>
  ),
);

/** The investor's answers: identity, residence, category, questionnaire, disclosures, submission. */
export async function KycApplicationDetails({ v, category }: WithCategory) {
  const [t, tk, tcat, locale] = await answerTextsAndLocale();
  const { app } = v;
  const professional = category === "professional" || category === "institutional";
  const p = app.data.personal;
  const r = app.data.residence;
  const q = app.data.questionnaire;
  return (
    <Section id="details" title={t("application.details")} look="card">
      <FactList
        dense={false}
        facts={[
          { label: t("application.wallet"), value: <Address address={app.wallet} /> },
          { label: tk("personal.dateOfBirth"), value: p?.dateOfBirth },
          { label: tk("personal.email"), value: p?.email },
          { label: tk("personal.phone"), value: p?.phone },
          { label: tk("personal.address"), value: p?.address },
          { label: tk("residence.nationality"), value: r ? countryName(r.nationality, locale) : null },
          { label: tk("residence.residence"), value: r ? countryName(r.residence, locale) : null },
          { label: tk("category.legend"), value: category ? tcat(category) : null },
          ...(app.data.category?.portfolioHkd
            ? [
                {
                  label: tk("category.portfolio"),
                  value: `HK$${app.data.category.portfolioHkd.toLocaleString("en-HK")}`,
                },
              ]
            : []),
          ...(!professional
            ? [
                {
                  label: tk("wizard.steps.questionnaire"),
                  value: q ? tk("review.score", { score: q.score, total: q.total }) : null,
                },
              ]
            : []),
          {
            label: tk("wizard.steps.disclosures"),
            value: (app.data.disclosures ?? [])
              .map(
                (d) =>
                  `${tk(`disclosures.items.${d.key}.title`)} (v${d.version}${d.locale ? ` ${d.locale}` : ""}${d.textSha256 ? ` · text ${d.textSha256.slice(0, 12)}…` : ""}, ${formatDayTime(new Date(d.acknowledgedAt), locale)})`,
              )
              .join("; "),
          },
          {
            label: t("application.submitted"),
            value: app.submittedAt
              ? `${formatDayTime(app.submittedAt, locale)}${app.infoResponse ? ` · ${t("resubmitted")}` : ""}`
              : null,
          },
        ]}
      />
    </Section>
  );
}

/** The documents, opened through the authorised viewer, with their hashes. */
export async function KycApplicationDocuments({ v }: { v: KycApplicationView }) {
  const [t, tk] = await Promise.all([getTranslations("complianceKyc"), getTranslations("kyc")]);
  const { docs } = v;
  return (
    <Section
      id="documents"
      title={t("application.documents")}
      look="card"
      empty={docs.length === 0 ? t("application.noDocuments") : null}
    >
      <ul className="flex flex-col gap-4">
        {docs.map((d) => (
          <li key={d.id} className="flex flex-col gap-2">
            <p className="flex flex-wrap items-baseline gap-2 text-sm">
              <span className="font-medium">{tk(`documents.kinds.${d.kind}.title`)}</span>
              <span className="text-ink-muted">
                {d.mime} · {Math.max(1, Math.round(d.sizeBytes / 1024))} KB
              </span>
              <a href={`/api/kyc/documents/${d.id}`} target="_blank" rel="noreferrer" className="text-accent underline">
                {t("application.openDocument", { title: tk(`documents.kinds.${d.kind}.title`) })}
              </a>
            </p>
            {d.mime.startsWith("image/") ? (
              // eslint-disable-next-line @next/next/no-img-element -- an authorised, decrypted document: not for the image optimiser
              <img
                src={`/api/kyc/documents/${d.id}`}
                alt={tk(`documents.kinds.${d.kind}.title`)}
                className="max-h-80 w-auto rounded-lg border border-line object-contain"
              />
            ) : null}
            <p className="font-mono text-xs break-all text-ink-subtle">SHA-256 {d.sha256}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The application's audit trail. */
export const KycApplicationHistory = kycCard("history", "application.history", ({ history }, _t, locale) => (
  <ol className="flex flex-col gap-2 text-sm">
    {history.map((h) => (
      <li key={h.id} className="flex flex-wrap gap-x-3">
        <span className="tabular text-ink-muted">{formatDayTime(h.at, locale)}</span>
        <span className="font-mono text-xs">{h.action}</span>
        <Address address={h.actor} copy={false} />
      </li>
    ))}
  </ol>
));

/** The reviewer's checklist and notes. */
export async function KycReviewChecklist({ v }: { v: KycApplicationView }) {
  const { app } = v;
  return <ReviewChecklistSection applicationId={app.id} checklist={app.checklist} notes={app.notes} />;
}

/**
 * A review's checklist with its internal notes below (the KYC review's by default; an issuer application passes its
 * own checks, their labels and its save action).
 */
export async function ReviewChecklistSection({
  notes,
  ...review
}: { notes: { at: string; by: string; text: string }[] } & Parameters<typeof KycReviewNotes>[0]) {
  const [t, locale] = await kycTextAndLocale();
  return (
    <Section id="checklist" title={t("review.title")} look="card">
      <KycReviewNotes {...review} />
      {notes.length > 0 ? (
        <ul className="mt-4 flex flex-col gap-2 border-t border-line pt-3 text-sm">
          {notes.map((n) => (
            <li key={`${n.at}-${n.by}`}>
              <p>{n.text}</p>
              <p className="text-xs text-ink-muted">
                {formatDayTime(new Date(n.at), locale)} · {n.by.slice(0, 10)}…
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
