/** An issuer's public profile: the company's name, a short "about" and its logo, shown on its artworks' pages. */
import type { InferSelectModel } from "drizzle-orm";
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { addressChecks, timestamps } from "./columns";

export const issuerProfiles = pgTable(
  "issuer_profiles",
  {
    /** The issuer's wallet (lowercase): the one that lists the artworks and alone edits this profile. */
    address: text("address").primaryKey(),
    /** Empty means "the legal name of the approved issuer application" (lib/kyb), then the address. */
    nameEn: text("name_en"),
    nameZh: text("name_zh"),
    aboutEn: text("about_en"),
    aboutZh: text("about_zh"),
    /** `/media/issuers/<address>/logo-….webp`, re-encoded from the upload (lib/issuer/profile-logo). */
    logoSrc: text("logo_src"),
    logoWidth: integer("logo_width"),
    logoHeight: integer("logo_height"),
    ...timestamps(),
  },
  (t) => [...addressChecks("issuer_profiles", t.address)],
);
export type IssuerProfile = InferSelectModel<typeof issuerProfiles>;
