/**
 * An issuer's public profile as the issuer types it: display names and a short "about" in English and Chinese (each
 * optional: an empty name falls back to the approved application's legal name), plain text with limits; and the
 * logo's bounds (PNG, JPEG or WebP by its bytes, re-encoded as WebP). Pure: safe in client components.
 */
import { z } from "zod";
import { PROFILE_LIMITS } from "./profile-limits";

export { PROFILE_LIMITS };

/** Plain text: trimmed, no control characters but line breaks; empty becomes null ("use the default"). */
const plain = (max: number, { lines }: { lines: boolean }) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .refine((s) => s.length <= max, { message: "tooLong" })
    .refine((s) => !(lines ? /[\u0000-\u0009\u000b-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).test(s), {
      message: "plainText",
    })
    .transform((s) => (s === "" ? null : s));

export const issuerProfileInput = z.object({
  nameEn: plain(PROFILE_LIMITS.name, { lines: false }),
  nameZh: plain(PROFILE_LIMITS.name, { lines: false }),
  aboutEn: plain(PROFILE_LIMITS.about, { lines: true }),
  aboutZh: plain(PROFILE_LIMITS.about, { lines: true }),
});
export type IssuerProfileInput = z.output<typeof issuerProfileInput>;

/** What the profile page's form starts from: the saved values, or the legal names as defaults. */
export type IssuerProfileEditView = {
  nameEn: string;
  nameZh: string;
  aboutEn: string;
  aboutZh: string;
  logo: { src: string; width: number; height: number } | null;
  /** The names shown when a field is left empty. */
  defaults: { nameEn: string | null; nameZh: string | null };
};

/** An issuer as a visitor reads it on an artwork's page, in the reader's language. */
export type PublicIssuerView = {
  address: string;
  /** The display name, else the legal name, else null (the page shows the address). */
  name: string | null;
  about: string | null;
  logo: { src: string; width: number; height: number } | null;
};
