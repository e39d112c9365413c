/**
 * The demo issuers' company profiles (names in both languages, a short "about" and a logo), so a visitor sees who
 * issued each artwork. The logos are drawn here from code (a monogram), re-encoded as the portal re-encodes an
 * uploaded logo (WebP) and stored where the portal stores them (`issuers/<address>/`).
 */
import sharp from "sharp";
import type { Database } from "../../lib/db/connect";
import * as schema from "../../lib/db/schema";
import type { FileStorage } from "../../lib/storage/storage";

type DemoIssuerProfile = {
  key: string;
  nameEn: string;
  nameZh: string;
  aboutEn: string;
  aboutZh: string;
  monogram: string;
  colours: [string, string];
};

export const demoIssuerProfiles: DemoIssuerProfile[] = [
  {
    key: "lumen",
    nameEn: "Lumen Art Partners",
    nameZh: "流明藝術夥伴",
    aboutEn:
      "A Hong Kong art investment house founded in 2014. Lumen acquires museum-quality contemporary works, keeps them insured with an independent custodian in Kwai Chung and offers shares in them to verified investors.",
    aboutZh:
      "2014 年於香港創立的藝術投資機構。流明購入具博物館水準的當代作品，交由葵涌的獨立保管人投保保管，並向已核實的投資者發售作品股份。",
    monogram: "L",
    colours: ["#1c1917", "#e8b04b"],
  },
  {
    key: "harbourfront",
    nameEn: "Harbourfront Fine Art",
    nameZh: "海濱美術",
    aboutEn:
      "A gallery on the Central harbourfront representing Asian painters since 2009. Harbourfront lists works from its collection with full provenance and annual independent appraisals.",
    aboutZh: "自 2009 年起代理亞洲畫家的中環海濱畫廊。海濱美術上架其收藏的作品，附完整來源記錄及每年獨立估值。",
    monogram: "H",
    colours: ["#0f3d5e", "#f5f0e6"],
  },
];

async function drawLogo(monogram: string, [bg, fg]: [string, string]): Promise<{ bytes: Buffer; size: number }> {
  const size = 256;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <rect width="${size}" height="${size}" rx="48" fill="${bg}"/>
  <circle cx="128" cy="128" r="86" fill="none" stroke="${fg}" stroke-width="10"/>
  <text x="128" y="160" font-family="serif" font-size="104" text-anchor="middle" fill="${fg}">${monogram}</text>
</svg>`;
  const bytes = await sharp(Buffer.from(svg)).webp({ quality: 90 }).toBuffer();
  return { bytes, size };
}

export async function seedIssuerProfiles({
  db,
  storage,
  addressOf,
}: {
  db: Database;
  storage: FileStorage;
  addressOf: (key: string) => string;
}): Promise<void> {
  for (const p of demoIssuerProfiles) {
    const address = addressOf(p.key).toLowerCase();
    const logo = await drawLogo(p.monogram, p.colours);
    const rel = `issuers/${address}/logo-seed.webp`;
    await storage.put(rel, logo.bytes, { contentType: "image/webp" });
    await db
      .insert(schema.issuerProfiles)
      .values({
        address,
        nameEn: p.nameEn,
        nameZh: p.nameZh,
        aboutEn: p.aboutEn,
        aboutZh: p.aboutZh,
        logoSrc: `/media/${rel}`,
        logoWidth: logo.size,
        logoHeight: logo.size,
      })
      .onConflictDoNothing();
  }
}
