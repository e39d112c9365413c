/**
 * Content checks for uploads: a file is what its bytes say, never what its name or declared type says.
 * Images are decoded and re-encoded with sharp (strips metadata, bounds size); PDFs are checked by their
 * header and trailer. Sizes are limited before any work.
 */
import { sha256Hex } from "@/lib/format/hash";
import sharp from "sharp";
import { LIMITS } from "./validation";

export type ImageKind = "jpeg" | "png" | "webp";

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return "png";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return "webp";
  return null;
}

/** A PDF starts with "%PDF-" (within the first 1 KiB, as readers allow) and has an "%%EOF" near its end. */
export function isPdf(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const head = ascii(bytes, 0, Math.min(1024, bytes.length));
  if (!head.includes("%PDF-")) return false;
  const tail = ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  return tail.includes("%%EOF");
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return Buffer.from(b.subarray(from, to)).toString("latin1");
}

export type UploadRefusal = "empty" | "tooLarge" | "notImage" | "notPdf" | "unreadableImage" | "imageTooSmall";

export type ProcessedImage = { bytes: Buffer; width: number; height: number };

/** Longest side of a stored listing image. */
export const IMAGE_MAX_SIDE = 2400;
export const IMAGE_MIN_SIDE = 200;

/** The bounds of one kind of image: a listing's by default, an issuer's logo smaller (./profile-input). */
export type ImageBounds = { maxBytes: number; minSide: number; maxSide: number };
const LISTING_IMAGE: ImageBounds = { maxBytes: LIMITS.imageBytes, minSide: IMAGE_MIN_SIDE, maxSide: IMAGE_MAX_SIDE };

/** Checks and re-encodes an uploaded image as WebP (auto-rotated, metadata stripped, ≤ 2400 px by default). */
export async function processImage(
  bytes: Uint8Array,
  bounds: ImageBounds = LISTING_IMAGE,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; reason: UploadRefusal }> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > bounds.maxBytes) return { ok: false, reason: "tooLarge" };
  if (!sniffImage(bytes)) return { ok: false, reason: "notImage" };
  try {
    const input = sharp(bytes, { limitInputPixels: 50_000_000, failOn: "error" });
    const meta = await input.metadata();
    if (!meta.width || !meta.height) return { ok: false, reason: "unreadableImage" };
    if (Math.min(meta.width, meta.height) < bounds.minSide) return { ok: false, reason: "imageTooSmall" };
    const { data, info } = await input
      .rotate()
      .resize({ width: bounds.maxSide, height: bounds.maxSide, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, image: { bytes: data, width: info.width, height: info.height } };
  } catch {
    return { ok: false, reason: "unreadableImage" };
  }
}

export function checkPdf(
  bytes: Uint8Array,
): { ok: true; sha256: `0x${string}` } | { ok: false; reason: UploadRefusal } {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > LIMITS.documentBytes) return { ok: false, reason: "tooLarge" };
  if (!isPdf(bytes)) return { ok: false, reason: "notPdf" };
  return { ok: true, sha256: sha256Hex(bytes) };
}
