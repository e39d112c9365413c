import { getTranslations } from "next-intl/server";
import {
  LazyDocumentUploadForm,
  LazyImageUploadForm,
  LazyRemoveDocumentForm,
  LazyRemoveImageForm,
  LazySubmitListingForm,
} from "@/components/issuer/listing-lazy";
import type { IssuerArtworkView } from "@/lib/issuer";
import { LIMITS } from "@/lib/issuer/client";

const MB = 1024 * 1024;

/** The listing's images and documents (removable and uploadable while editable), then its submission for review. */
export async function ListingFiles({ id, v }: { id: string; v: IssuerArtworkView }) {
  const [t, tf] = await Promise.all([getTranslations("issuer.detail"), getTranslations("issuer.files")]);
  const { artwork, documents, editable } = v;
  return (
    <>
      <section aria-labelledby="files" className="flex flex-col gap-6">
        <h2 id="files" className="font-display text-2xl">
          {tf("title")}
        </h2>
        {editable ? (
          <div className="flex flex-col gap-3">
            <h3 className="font-medium">{tf("images")}</h3>
            {artwork.images.length === 0 ? (
              <p className="text-sm text-ink-muted">{tf("noImages")}</p>
            ) : (
              <ul className="divide-y divide-line rounded-xl border border-line text-sm" aria-label={tf("images")}>
                {artwork.images.map((img) => (
                  <li key={img.src} className="flex items-center gap-3 px-4 py-3">
                    {/* eslint-disable-next-line @next/next/no-img-element -- stored, already resized listing image */}
                    <img
                      src={img.src}
                      alt=""
                      width={img.width}
                      height={img.height}
                      className="size-14 shrink-0 rounded-md border border-line object-cover"
                    />
                    <span className="flex min-w-0 flex-1 flex-col">
                      <span className="font-medium break-words">{img.alt}</span>
                      <span className="text-xs text-ink-muted tabular">
                        {img.width} × {img.height} px
                      </span>
                    </span>
                    <LazyRemoveImageForm id={id} src={img.src} alt={img.alt} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        <div className="flex flex-col gap-3">
          <h3 className="font-medium">{tf("documents")}</h3>
          {documents.length === 0 ? (
            <p className="text-sm text-ink-muted">{tf("noDocuments")}</p>
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line text-sm" aria-label={tf("documents")}>
              {documents.map((d) => (
                <li key={d.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <span className="flex min-w-0 flex-col">
                    <a href={`/documents/${d.id}`} className="font-medium underline-offset-4 hover:underline">
                      {d.title}
                    </a>
                    <span className="text-xs text-ink-muted">
                      {tf(`kinds.${d.kind}`)} · {(d.sizeBytes / 1024).toFixed(0)} KB
                    </span>
                    <span className="text-xs text-ink-muted">
                      {tf("sha256")}{" "}
                      <code className="font-mono break-all" data-testid="document-sha256">
                        {d.sha256}
                      </code>
                    </span>
                  </span>
                  {editable ? <LazyRemoveDocumentForm id={id} documentId={d.id} title={d.title} /> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        {editable ? (
          <div className="grid gap-8 rounded-2xl border border-line p-5">
            {[
              {
                key: "image",
                title: tf("addImage"),
                form: <LazyImageUploadForm id={id} maxMb={LIMITS.imageBytes / MB} />,
              },
              {
                key: "document",
                title: tf("addDocument"),
                form: <LazyDocumentUploadForm id={id} maxMb={LIMITS.documentBytes / MB} />,
              },
            ].map((u) => (
              <div key={u.key} className="flex flex-col gap-2">
                <h3 className="font-medium">{u.title}</h3>
                {u.form}
              </div>
            ))}
          </div>
        ) : null}
      </section>

      {editable ? (
        <section aria-labelledby="submit" className="flex flex-col gap-3">
          <h2 id="submit" className="font-display text-2xl">
            {t("submitTitle")}
          </h2>
          <LazySubmitListingForm id={id} disabledReason={artwork.images.length === 0 ? t("needsImage") : null} />
        </section>
      ) : null}
    </>
  );
}
