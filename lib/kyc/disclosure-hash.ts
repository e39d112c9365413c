import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of a disclosure's title and text as shown, so an acknowledgement names the exact words read.
 * Server-side only: apart from disclosures.ts (which client forms import) so that the browser never bundles
 * a `node:crypto` polyfill for it.
 */
export function disclosureTextHash({ title, body }: { title: string; body: string }): string {
  return createHash("sha256").update(`${title}\n\n${body}`, "utf8").digest("hex");
}
