import type { KybDocumentKind } from "@/lib/kyb/types";
import type { KycDocumentKind } from "@/lib/kyc/types";
import { DocumentUpload, type UploadedDocument } from "./document-upload";

/**
 * One upload slot per document kind an application needs (a KYC application's, an issuer application's), each with
 * the document of that kind uploaded so far: only its id, name, type and size reach the browser.
 */
export function DocumentUploads({
  applicationId,
  kinds,
  documents,
  uploadBase,
  viewBase,
}: {
  applicationId: string;
  kinds: readonly (KycDocumentKind | KybDocumentKind)[];
  documents: readonly (UploadedDocument & { kind: string })[];
  uploadBase?: string;
  viewBase?: string;
}) {
  return kinds.map((kind) => {
    const d = documents.find((x) => x.kind === kind);
    return (
      <DocumentUpload
        key={kind}
        applicationId={applicationId}
        kind={kind}
        uploaded={d ? { id: d.id, name: d.name, mime: d.mime, sizeBytes: d.sizeBytes } : null}
        uploadBase={uploadBase}
        viewBase={viewBase}
      />
    );
  });
}
