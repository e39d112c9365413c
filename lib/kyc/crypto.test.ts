import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkDocument, detectDocumentType, MAX_DOCUMENT_BYTES } from "./content-type";
import { decryptDocument, DocumentDecryptionError, encryptDocument, parseKey } from "./crypto";

const key = parseKey("ab".repeat(32));
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe("document encryption (AES-256-GCM)", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptDocument({ key, plaintext: pdf, aad: "doc-1" });
    expect(sealed.includes(pdf)).toBe(false);
    expect(decryptDocument({ key, sealed, aad: "doc-1" }).equals(pdf)).toBe(true);
    // A fresh IV each time.
    expect(encryptDocument({ key, plaintext: pdf, aad: "doc-1" }).equals(sealed)).toBe(false);
  });

  it("refuses a tampered ciphertext, a wrong key and a file moved to another record", () => {
    const sealed = encryptDocument({ key, plaintext: pdf, aad: "doc-1" });
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 0x01;
    expect(() => decryptDocument({ key, sealed: tampered, aad: "doc-1" })).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument({ key: randomBytes(32), sealed, aad: "doc-1" })).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument({ key, sealed, aad: "doc-2" })).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument({ key, sealed: Buffer.from("not sealed"), aad: "doc-1" })).toThrow(
      DocumentDecryptionError,
    );
  });

  it("requires a 64-hex-character key", () => {
    expect(() => parseKey("abc")).toThrow(/64 hex/);
  });
});

describe("document type from content", () => {
  it("detects PDF, PNG and JPEG by their magic bytes", () => {
    expect(detectDocumentType(pdf)).toBe("application/pdf");
    expect(detectDocumentType(png)).toBe("image/png");
    expect(detectDocumentType(jpeg)).toBe("image/jpeg");
    expect(detectDocumentType(Buffer.from("GIF89a"))).toBeNull();
  });

  it("ignores the name's claim and refuses a mismatch, a wrong type, an empty or too large file", () => {
    expect(checkDocument({ name: "passport.pdf", content: pdf })).toEqual({ ok: true, mime: "application/pdf" });
    expect(checkDocument({ name: "scan", content: png })).toEqual({ ok: true, mime: "image/png" });
    expect(checkDocument({ name: "photo.JPG", content: jpeg })).toEqual({ ok: true, mime: "image/jpeg" });
    expect(checkDocument({ name: "passport.pdf", content: png })).toEqual({ ok: false, code: "name_mismatch" });
    expect(checkDocument({ name: "evil.pdf", content: Buffer.from("<script>alert(1)</script>") })).toEqual({
      ok: false,
      code: "unsupported_type",
    });
    expect(checkDocument({ name: "a.pdf", content: Buffer.alloc(0) })).toEqual({ ok: false, code: "empty" });
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect(checkDocument({ name: "a.pdf", content: big })).toEqual({ ok: false, code: "too_large" });
  });
});
