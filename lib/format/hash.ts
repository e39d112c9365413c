/**
 * The SHA-256 of bytes or of text (UTF-8), as 0x-prefixed lowercase hex: the one digest of the portal (file
 * contents, listing metadata, the audit chain). Server-side (node:crypto); not part of lib/format's index, which
 * the browser imports.
 */
import { createHash } from "node:crypto";
import type { Hex } from "viem";

export function sha256Hex(data: Uint8Array | string): Hex {
  return `0x${createHash("sha256").update(data).digest("hex")}`;
}
