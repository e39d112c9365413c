import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/date";
import { StatusBadge } from "@/components/ui/status-badge";
import { documentLabels, documentLooks } from "@/lib/assets/client";
import type { ArtworkDocumentView } from "@/lib/assets";

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Documents with their on-chain verification: "verified" only when the served file's hash equals the anchor. */
export async function DocumentsList({
  documents,
  intro = true,
  label,
}: {
  documents: ArtworkDocumentView[];
  intro?: boolean;
  label?: string;
}) {
  const t = await getTranslations("artwork.documents");
  const locale = await getLocale();
  if (documents.length === 0) return <p className="text-ink-muted">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-4">
      {intro ? <p className="text-sm text-ink-muted">{t("intro")}</p> : null}
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface" role="list" aria-label={label}>
        {documents.map((doc) => {
          const v = doc.verification;
          const date = "anchoredAt" in v ? formatDay(v.anchoredAt, locale) : "";
          return (
            <li
              key={doc.id}
              className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between"
              data-document={doc.name}
            >
              <div className="min-w-0">
                <p className="text-xs tracking-wide text-ink-subtle uppercase">{t(`kind.${doc.kind}`)}</p>
                <a
                  href={doc.href}
                  className="tap-target font-medium underline-offset-4 hover:underline"
                  target="_blank"
                  rel="noopener"
                >
                  {doc.title}
                  <span className="sr-only"> — {t("open", { title: doc.title, size: fileSize(doc.sizeBytes) })}</span>
                </a>
                <p className="mt-1 font-mono text-xs break-all text-ink-subtle">
                  {t("fingerprint")} {doc.sha256}
                </p>
                {v.state === "mismatch" ? (
                  <p role="alert" className="mt-2 text-sm text-danger">
                    {t("mismatchDetail", { date })}
                  </p>
                ) : (
                  <p className="mt-1 text-sm text-ink-muted">
                    {v.state === "verified"
                      ? t("verifiedDetail", { date })
                      : v.state === "not_anchored"
                        ? t("notAnchoredDetail")
                        : t("missingDetail")}
                  </p>
                )}
              </div>
              <div className="shrink-0">
                <StatusBadge looks={documentLooks} status={v.state}>
                  {t(documentLabels[v.state])}
                </StatusBadge>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
