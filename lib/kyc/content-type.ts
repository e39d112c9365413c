/**
 * The type of an uploaded document, from its first bytes (never from its name or the browser's claim).
 * Pure. Accepted: PDF, JPEG, PNG.
 */
export type DocumentMime = "application/pdf" | "image/jpeg" | "image/png";

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { mime: DocumentMime; bytes: number[] }[] = [
  { mime: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

const EXTENSIONS: Record<string, DocumentMime> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

export function detectDocumentType(content: Uint8Array): DocumentMime | null {
  for (const { mime, bytes } of SIGNATURES) {
    if (content.length >= bytes.length && bytes.every((b, i) => content[i] === b)) return mime;
  }
  return null;
}

export type DocumentCheck =
  { ok: true; mime: DocumentMime } | { ok: false; code: "empty" | "too_large" | "unsupported_type" | "name_mismatch" };

/**
 * Accepts a file when its content is a PDF, JPEG or PNG within the size limit, and its name (if it has a
 * known extension) agrees with the content: "passport.pdf" holding a PNG is refused.
 */
export function checkDocument({
  name,
  content,
  maxBytes = MAX_DOCUMENT_BYTES,
}: {
  name: string;
  content: Uint8Array;
  maxBytes?: number;
}): DocumentCheck {
  if (content.length === 0) return { ok: false, code: "empty" };
  if (content.length > maxBytes) return { ok: false, code: "too_large" };
  const mime = detectDocumentType(content);
  if (!mime) return { ok: false, code: "unsupported_type" };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const claimed = ext ? EXTENSIONS[ext] : undefined;
  if (ext && claimed !== mime) return { ok: false, code: "name_mismatch" };
  return { ok: true, mime };
}
