import "server-only";

/**
 * An issuer's public profile (table `issuer_profiles`, owned here): saved by the issuer for its own wallet only,
 * its logo checked by its bytes and stored through the file store (lib/storage) like listing images, each change
 * audited in the same transaction; read for the issuer console and, with the fallbacks (display name → the approved
 * application's legal name → the address), for an artwork's page.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { type IssuerProfile, issuerProfiles } from "@/lib/db/schema";
import { sha256Hex } from "@/lib/format/hash";
import { getCompanyOfWallet } from "@/lib/kyb";
import type { FileStorage } from "@/lib/storage";
import { processImage } from "./content";
import { ListingError } from "./listing-core";
import {
  type IssuerProfileEditView,
  type IssuerProfileInput,
  PROFILE_LIMITS,
  type PublicIssuerView,
} from "./profile-input";

export async function getIssuerProfile(db: Database, { address }: { address: string }): Promise<IssuerProfile | null> {
  const [row] = await db
    .select()
    .from(issuerProfiles)
    .where(eq(issuerProfiles.address, address.toLowerCase()))
    .limit(1);
  return row ?? null;
}

const auditEntry = (issuer: string, action: string, before: unknown, after: unknown) => ({
  actor: issuer.toLowerCase(),
  actorRole: "issuer",
  action,
  subjectType: "issuer_profile",
  subjectId: issuer.toLowerCase(),
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown>,
});

const textOf = (p: IssuerProfile | null) =>
  p && { nameEn: p.nameEn, nameZh: p.nameZh, aboutEn: p.aboutEn, aboutZh: p.aboutZh };

/** Saves the names and "about" of `issuer`'s own profile (the caller's wallet: nobody edits another's). Audited. */
export async function saveIssuerProfile(
  db: Database,
  { issuer, input }: { issuer: string; input: IssuerProfileInput },
): Promise<IssuerProfile> {
  const address = issuer.toLowerCase();
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const before = await getIssuerProfile(tx, { address });
    const [row] = await tx
      .insert(issuerProfiles)
      .values({ address, ...input })
      .onConflictDoUpdate({ target: issuerProfiles.address, set: { ...input, updatedAt: new Date() } })
      .returning();
    await writeAudit(tx, auditEntry(address, "issuer.profile.save", textOf(before), input));
    return row!;
  });
}

/**
 * Replaces `issuer`'s logo: the image checked by its bytes (PNG, JPEG or WebP; ≤ 2 MB; 64 px at least), re-encoded
 * as WebP (≤ 512 px, metadata stripped) and stored under `issuers/<address>/`; the previous file is deleted once the
 * new one is recorded. Refusals are `ListingError`s with the listing images' codes (empty, tooLarge, notImage…).
 */
export async function setIssuerLogo(
  db: Database,
  { issuer, bytes, storage }: { issuer: string; bytes: Uint8Array; storage: FileStorage },
): Promise<{ src: string; width: number; height: number }> {
  const address = issuer.toLowerCase();
  const processed = await processImage(bytes, {
    maxBytes: PROFILE_LIMITS.logoBytes,
    minSide: PROFILE_LIMITS.logoMinSide,
    maxSide: PROFILE_LIMITS.logoMaxSide,
  });
  if (!processed.ok) throw new ListingError(processed.reason);
  const rel = path.posix.join("issuers", address, `logo-${randomBytes(4).toString("hex")}.webp`);
  await storage.put(rel, processed.image.bytes, { contentType: "image/webp" });
  const logo = { src: `/media/${rel}`, width: processed.image.width, height: processed.image.height };
  const previous = await db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const before = await getIssuerProfile(tx, { address });
    const set = { logoSrc: logo.src, logoWidth: logo.width, logoHeight: logo.height };
    await tx
      .insert(issuerProfiles)
      .values({ address, ...set })
      .onConflictDoUpdate({ target: issuerProfiles.address, set: { ...set, updatedAt: new Date() } });
    await writeAudit(
      tx,
      auditEntry(
        address,
        "issuer.profile.logo",
        { src: before?.logoSrc ?? null },
        { src: logo.src, sha256: sha256Hex(processed.image.bytes), bytes: processed.image.bytes.length },
      ),
    );
    return before?.logoSrc ?? null;
  });
  if (previous?.startsWith("/media/issuers/"))
    await storage.delete(previous.slice("/media/".length)).catch(() => undefined);
  return logo;
}

const logoOf = (p: IssuerProfile | null) =>
  p?.logoSrc && p.logoWidth && p.logoHeight ? { src: p.logoSrc, width: p.logoWidth, height: p.logoHeight } : null;

/** The issuer console's form: what is saved, and the legal names an empty name falls back to. */
export async function getIssuerProfileEditView(
  db: Database,
  { issuer }: { issuer: string },
): Promise<IssuerProfileEditView> {
  const [profile, company] = await Promise.all([
    getIssuerProfile(db, { address: issuer }),
    getCompanyOfWallet(db, { wallet: issuer }),
  ]);
  return {
    nameEn: profile?.nameEn ?? "",
    nameZh: profile?.nameZh ?? "",
    aboutEn: profile?.aboutEn ?? "",
    aboutZh: profile?.aboutZh ?? "",
    logo: logoOf(profile),
    defaults: { nameEn: company?.legalNameEn ?? null, nameZh: company?.legalNameZh ?? null },
  };
}

/**
 * The issuer of an artwork as a visitor reads it, in `locale`: the display name (Chinese in Chinese when there is
 * one), else the approved application's legal name, else null (the page shows the address); "about" likewise.
 */
export async function getPublicIssuer(
  db: Database,
  { address, locale }: { address: string; locale: string },
): Promise<PublicIssuerView> {
  const [profile, company] = await Promise.all([
    getIssuerProfile(db, { address }),
    getCompanyOfWallet(db, { wallet: address }),
  ]);
  const zh = locale === "zh-HK";
  const pick = (en: string | null | undefined, chinese: string | null | undefined) =>
    (zh ? chinese || en : en || chinese) || null;
  return {
    address: address.toLowerCase(),
    name: pick(profile?.nameEn, profile?.nameZh) ?? pick(company?.legalNameEn, company?.legalNameZh),
    about: pick(profile?.aboutEn, profile?.aboutZh),
    logo: logoOf(profile),
  };
}
