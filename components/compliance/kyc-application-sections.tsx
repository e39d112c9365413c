import { getLocale, getTranslations } from "next-intl/server";
import { KycReviewNotes } from "@/components/compliance/kyc-review-notes";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { alpha2ToNumeric, countryName, countryNameFromNumeric } from "@/lib/i18n/countries";
import { formatDay, formatDayTime } from "@/lib/format/date";
import type { KycApplicationView } from "@/lib/kyc/views";

/* The sections of one KYC application as compliance reviews it (app/(wallet)/compliance/kyc/[id]). */

export type RegistryDiffRow = { key: string; label: string; before: string; after: string; changed: boolean };

/** What the identity registry holds today against what approval will write (or why it could not be read). */
export async function KycRegistryDiff({
  v,
  category,
}: {
  v: KycApplicationView;
  category: KycApplicationView["investor"]["category"];
}) {
  const [t, tk, tcat, locale] = await Promise.all([
    getTranslations("complianceKyc"),
    getTranslations("kyc"),
    getTranslations("account.investor.categories"),
    getLocale(),
  ]);
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
          after: t("application.expiryNew"),
          changed: true,
        },
      ]
    : [];
  return registryUnavailable ? (
    <Alert tone="warn" role="none" title={t("application.registryUnavailable")} />
  ) : registered ? (
    <section aria-labelledby="registry-diff" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="registry-diff" className="font-medium">
        {t("application.renewalTitle")}
      </h2>
      <p className="mt-1 mb-3 text-sm text-ink-muted">{t("application.renewalIntro")}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-sm" data-testid="registry-diff">
          <thead>
            <tr className="text-left text-ink-muted">
              <th scope="col" className="py-1 pr-3 font-normal">
                {t("application.field")}
              </th>
              <th scope="col" className="py-1 pr-3 font-normal">
                {t("application.onRegistry")}
              </th>
              <th scope="col" className="py-1 font-normal">
                {t("application.afterApproval")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {diffRows.map((row) => (
              <tr key={row.key} data-changed={row.changed || undefined}>
                <th scope="row" className="py-2 pr-3 text-left font-normal text-ink-muted">
                  {row.label}
                </th>
                <td className="py-2 pr-3">{row.before}</td>
                <td className={row.changed ? "py-2 font-semibold" : "py-2"}>
                  <span aria-hidden="true">→ </span>
                  {row.after}{" "}
                  <span className="text-xs font-normal text-ink-muted">
                    ({row.changed ? t("application.changed") : t("application.unchanged")})
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  ) : (
    <Alert tone="info" role="none" title={t("application.firstTitle")}>
      <p>{t("application.firstIntro")}</p>
    </Alert>
  );
}

/** The questions asked of the investor and their answers. */
export async function KycInfoThread({ v }: { v: KycApplicationView }) {
  const [t, locale] = await Promise.all([getTranslations("complianceKyc"), getLocale()]);
  const { thread } = v;
  if (thread.length === 0) return null;
  return (
    <section aria-labelledby="thread" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="thread" className="mb-3 font-medium">
        {t("application.thread")}
      </h2>
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
    </section>
  );
}

/** The investor's answers: identity, residence, category, questionnaire, disclosures, submission. */
export async function KycApplicationDetails({
  v,
  category,
}: {
  v: KycApplicationView;
  category: KycApplicationView["investor"]["category"];
}) {
  const [t, tk, tcat, locale] = await Promise.all([
    getTranslations("complianceKyc"),
    getTranslations("kyc"),
    getTranslations("account.investor.categories"),
    getLocale(),
  ]);
  const { app } = v;
  const professional = category === "professional" || category === "institutional";
  const p = app.data.personal;
  const r = app.data.residence;
  const q = app.data.questionnaire;
  const fact = (label: string, value: React.ReactNode) => (
    <div className="grid gap-0.5 py-2 sm:grid-cols-[11rem_1fr]">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="text-sm font-medium break-words">{value ?? "—"}</dd>
    </div>
  );
  return (
    <section aria-labelledby="details" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="details" className="mb-2 font-medium">
        {t("application.details")}
      </h2>
      <dl className="divide-y divide-line">
        {fact(t("application.wallet"), <Address address={app.wallet} />)}
        {fact(tk("personal.dateOfBirth"), p?.dateOfBirth)}
        {fact(tk("personal.email"), p?.email)}
        {fact(tk("personal.phone"), p?.phone)}
        {fact(tk("personal.address"), p?.address)}
        {fact(tk("residence.nationality"), r ? countryName(r.nationality, locale) : null)}
        {fact(tk("residence.residence"), r ? countryName(r.residence, locale) : null)}
        {fact(tk("category.legend"), category ? tcat(category) : null)}
        {app.data.category?.portfolioHkd
          ? fact(tk("category.portfolio"), `HK$${app.data.category.portfolioHkd.toLocaleString("en-HK")}`)
          : null}
        {!professional
          ? fact(tk("wizard.steps.questionnaire"), q ? tk("review.score", { score: q.score, total: q.total }) : null)
          : null}
        {fact(
          tk("wizard.steps.disclosures"),
          (app.data.disclosures ?? [])
            .map(
              (d) =>
                `${tk(`disclosures.items.${d.key}.title`)} (v${d.version}${d.locale ? ` ${d.locale}` : ""}${d.textSha256 ? ` · text ${d.textSha256.slice(0, 12)}…` : ""}, ${formatDayTime(new Date(d.acknowledgedAt), locale)})`,
            )
            .join("; "),
        )}
        {fact(
          t("application.submitted"),
          app.submittedAt
            ? `${formatDayTime(app.submittedAt, locale)}${app.infoResponse ? ` · ${t("resubmitted")}` : ""}`
            : null,
        )}
      </dl>
    </section>
  );
}

/** The documents, opened through the authorised viewer, with their hashes. */
export async function KycApplicationDocuments({ v }: { v: KycApplicationView }) {
  const [t, tk] = await Promise.all([getTranslations("complianceKyc"), getTranslations("kyc")]);
  const { docs } = v;
  return (
    <section aria-labelledby="documents" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="documents" className="mb-3 font-medium">
        {t("application.documents")}
      </h2>
      {docs.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("application.noDocuments")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {docs.map((d) => (
            <li key={d.id} className="flex flex-col gap-2">
              <p className="flex flex-wrap items-baseline gap-2 text-sm">
                <span className="font-medium">{tk(`documents.kinds.${d.kind}.title`)}</span>
                <span className="text-ink-muted">
                  {d.mime} · {Math.max(1, Math.round(d.sizeBytes / 1024))} KB
                </span>
                <a
                  href={`/api/kyc/documents/${d.id}`}
                  target="_blank"
                  rel="noreferrer"
                  className="text-accent underline"
                >
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
      )}
    </section>
  );
}

/** The application's audit trail. */
export async function KycApplicationHistory({ v }: { v: KycApplicationView }) {
  const [t, locale] = await Promise.all([getTranslations("complianceKyc"), getLocale()]);
  const { history } = v;
  return (
    <section aria-labelledby="history" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="history" className="mb-3 font-medium">
        {t("application.history")}
      </h2>
      <ol className="flex flex-col gap-2 text-sm">
        {history.map((h) => (
          <li key={h.id} className="flex flex-wrap gap-x-3">
            <span className="tabular text-ink-muted">{formatDayTime(h.at, locale)}</span>
            <span className="font-mono text-xs">{h.action}</span>
            <Address address={h.actor} copy={false} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The reviewer's checklist and notes. */
export async function KycReviewChecklist({ v }: { v: KycApplicationView }) {
  const [t, locale] = await Promise.all([getTranslations("complianceKyc"), getLocale()]);
  const { app } = v;
  return (
    <section aria-labelledby="checklist" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="checklist" className="mb-3 font-medium">
        {t("review.title")}
      </h2>
      <KycReviewNotes applicationId={app.id} checklist={app.checklist} />
      {app.notes.length > 0 ? (
        <ul className="mt-4 flex flex-col gap-2 border-t border-line pt-3 text-sm">
          {app.notes.map((n) => (
            <li key={`${n.at}-${n.by}`}>
              <p>{n.text}</p>
              <p className="text-xs text-ink-muted">
                {formatDayTime(new Date(n.at), locale)} · {n.by.slice(0, 10)}…
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
