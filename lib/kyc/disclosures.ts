import { createHash } from "node:crypto";

/** Risk disclosures the investor acknowledges one by one. The text (both languages) is in "kyc.disclosures"; bump the version when it changes. */
export const DISCLOSURE_VERSION = "2026-01";
export const DISCLOSURES = ["loss", "illiquidity", "valuation", "custody", "regulation"] as const;
export type DisclosureKey = (typeof DISCLOSURES)[number];

/** SHA-256 (hex) of a disclosure's title and text as shown, so an acknowledgement names the exact words read. */
export function disclosureTextHash({ title, body }: { title: string; body: string }): string {
  return createHash("sha256").update(`${title}\n\n${body}`, "utf8").digest("hex");
}
