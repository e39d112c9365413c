/**
 * AES-256-GCM for KYC documents at rest. Format: "ATK1" | iv (12 bytes) | tag (16 bytes) | ciphertext.
 * The document id is bound as additional authenticated data, so a file moved to another record fails to open.
 * Pure (the key is a parameter): the server passes DOCUMENT_ENCRYPTION_KEY.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const MAGIC = Buffer.from("ATK1");
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DocumentDecryptionError extends Error {
  constructor(message = "The document could not be decrypted: it was altered or the key is wrong.") {
    super(message);
    this.name = "DocumentDecryptionError";
  }
}

export function parseKey(hex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("DOCUMENT_ENCRYPTION_KEY must be 64 hex characters");
  return Buffer.from(hex, "hex");
}

export function encryptDocument({ key, plaintext, aad }: { key: Buffer; plaintext: Buffer; aad: string }): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ciphertext]);
}

export function decryptDocument({ key, sealed, aad }: { key: Buffer; sealed: Buffer; aad: string }): Buffer {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DocumentDecryptionError("The stored document is not in the expected format.");
  }
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
  const ciphertext = sealed.subarray(MAGIC.length + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new DocumentDecryptionError();
  }
}
