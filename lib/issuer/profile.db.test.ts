/**
 * The issuer's company profile on a real database, through its server action and its logo upload route: saved for
 * the caller's own wallet only (a second issuer never touches the first's, whatever the form says), validated in
 * words before anything is written, audited; the logo checked by its bytes (refused in words: no image, too large,
 * no session, no issuer role) and served from the file store; the public view in the reader's language falling back
 * to the approved application's legal name, then to the address.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actionHarness } from "@/lib/actions/test-support";
import type { Roles } from "@/lib/auth/roles";
import { auditLog, issuerApplications, issuerProfiles } from "@/lib/db/schema";
import { resetServerEnv } from "@/lib/env";
import { readStoredFile } from "@/lib/storage";
import { getIssuerProfile, getPublicIssuer } from "./profile";

const h = actionHarness();
vi.mock("@/lib/db", () => ({ getDb: async () => h.t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => h.session }));
vi.mock("@/lib/auth/roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/roles")>()),
  getRoles: async () => h.roles,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", async () => (await import("@/lib/i18n/test-intl")).keyedIntl);

const { saveIssuerProfileAction } = await import("@/components/issuer/profile-actions");
const { POST: postLogo } = await import("@/app/api/uploads/issuer-profile/logo/route");

const LUMEN = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const HARBOUR = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const MEI = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";

function signIn(address: `0x${string}` | null, roles: Partial<Roles> = {}) {
  if (address) h.signInAs(address, { registered: false, ...roles });
  else h.session = null;
}
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const save = (fields: Record<string, string>) =>
  saveIssuerProfileAction(null, form({ nameEn: "", nameZh: "", aboutEn: "", aboutZh: "", ...fields }));
const logo = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  postLogo(
    new Request("http://localhost/api/uploads/issuer-profile/logo", {
      method: "POST",
      body,
      headers: { "content-type": "image/png", ...headers },
    }),
  );
const png = async (side: number) =>
  new Uint8Array(
    await sharp({ create: { width: side, height: side, channels: 3, background: "#123456" } })
      .png()
      .toBuffer(),
  );

beforeAll(() => {
  vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "atelier-issuer-profile-")));
  resetServerEnv();
});

describe("the issuer's company profile", () => {
  it("saves the caller's own profile, audited; another issuer's save never touches it, whatever the form names", async () => {
    signIn(LUMEN, { issuer: true });
    const r = await save({ nameEn: "  Lumen Art Partners ", nameZh: "流明藝術夥伴", aboutEn: "Line one\nLine two" });
    expect(r).toMatchObject({ ok: true });
    expect(await getIssuerProfile(h.t.db, { address: LUMEN })).toMatchObject({
      nameEn: "Lumen Art Partners",
      nameZh: "流明藝術夥伴",
      aboutEn: "Line one\nLine two",
      aboutZh: null,
    });
    const [entry] = await h.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "issuer.profile.save"), eq(auditLog.subjectId, LUMEN)));
    expect(entry).toMatchObject({ actor: LUMEN, actorRole: "issuer", subjectType: "issuer_profile" });

    signIn(HARBOUR, { issuer: true });
    const other = await saveIssuerProfileAction(
      null,
      form({ nameEn: "Taken over", nameZh: "", aboutEn: "", aboutZh: "", address: LUMEN }),
    );
    expect(other).toMatchObject({ ok: true });
    expect((await getIssuerProfile(h.t.db, { address: LUMEN }))?.nameEn).toBe("Lumen Art Partners");
    expect((await getIssuerProfile(h.t.db, { address: HARBOUR }))?.nameEn).toBe("Taken over");
  });

  it("refuses a wallet without the issuer role, and bad input in words, writing nothing", async () => {
    signIn(MEI);
    expect(await save({ nameEn: "Mei's gallery" })).toMatchObject({ ok: false, code: "forbidden" });
    signIn(null);
    expect(await save({ nameEn: "Nobody" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await getIssuerProfile(h.t.db, { address: MEI })).toBeNull();

    signIn(LUMEN, { issuer: true });
    const long = await save({ nameEn: "x".repeat(121), aboutZh: "bad\u0007bell" });
    expect(long).toMatchObject({ ok: false, code: "invalid_input" });
    if (long.ok) throw new Error("unreachable");
    expect(long.fieldErrors?.nameEn).toEqual(["issuer.profile.fieldErrors.tooLong"]);
    expect(long.fieldErrors?.aboutZh).toEqual(["issuer.profile.fieldErrors.plainText"]);
    expect((await getIssuerProfile(h.t.db, { address: LUMEN }))?.nameEn).toBe("Lumen Art Partners");
  });
});

describe("the logo upload", () => {
  it("refuses without a session or the issuer role before reading, then bytes that are no image or too large", async () => {
    const image = await png(128);
    signIn(null);
    expect((await logo(image)).status).toBe(401);
    signIn(MEI);
    expect((await logo(image)).status).toBe(403);
    signIn(HARBOUR, { issuer: true });
    const notImage = await logo(new TextEncoder().encode("GIF89a, or any text"));
    expect(notImage.status).toBe(422);
    expect(await notImage.json()).toMatchObject({ ok: false, code: "notImage" });
    expect((await logo(new Uint8Array(0))).status).toBe(422);
    const tiny = await logo(await png(32));
    expect(await tiny.json()).toMatchObject({ code: "imageTooSmall" });
    const huge = await logo(new Uint8Array(2 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect((await getIssuerProfile(h.t.db, { address: HARBOUR }))?.logoSrc ?? null).toBeNull();
  });

  it("stores the issuer's own logo as WebP under issuers/, replaces the previous one and audits both", async () => {
    signIn(HARBOUR, { issuer: true });
    expect((await logo(await png(900))).status).toBe(201);
    const first = await getIssuerProfile(h.t.db, { address: HARBOUR });
    expect(first?.logoSrc).toMatch(new RegExp(`^/media/issuers/${HARBOUR}/logo-[0-9a-f]{8}\\.webp$`));
    expect(first).toMatchObject({ logoWidth: 512, logoHeight: 512, nameEn: "Taken over" });
    const stored = await readStoredFile(first!.logoSrc!.slice("/media/".length), { area: "issuers" });
    expect(stored?.subarray(8, 12).toString("latin1")).toBe("WEBP");

    expect((await logo(await png(200))).status).toBe(201);
    const second = await getIssuerProfile(h.t.db, { address: HARBOUR });
    expect(second?.logoSrc).not.toBe(first?.logoSrc);
    expect(await readStoredFile(first!.logoSrc!.slice("/media/".length))).toBeNull();
    expect((await getIssuerProfile(h.t.db, { address: LUMEN }))?.logoSrc ?? null).toBeNull();
    const audits = await h.t.db.select().from(auditLog).where(eq(auditLog.action, "issuer.profile.logo"));
    expect(audits.map((a) => a.actor)).toEqual([HARBOUR, HARBOUR]);
  });
});

describe("the issuer on an artwork's page", () => {
  it("reads the display name in the reader's language, else the approved application's legal name, else nothing", async () => {
    const zh = await getPublicIssuer(h.t.db, { address: LUMEN, locale: "zh-HK" });
    expect(zh).toMatchObject({ name: "流明藝術夥伴", about: "Line one\nLine two", logo: null });
    expect((await getPublicIssuer(h.t.db, { address: LUMEN, locale: "en" })).name).toBe("Lumen Art Partners");

    const gallery = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";
    const signer = "0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f";
    expect(await getPublicIssuer(h.t.db, { address: signer, locale: "en" })).toMatchObject({
      address: signer,
      name: null,
      about: null,
    });
    await h.t.db.insert(issuerApplications).values({
      applicant: gallery,
      status: "active",
      decidedAt: new Date(),
      data: {
        legalNameEn: "Kowloon Modern Gallery Limited",
        legalNameZh: "九龍現代畫廊有限公司",
        signatoryWallets: ["0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f"],
      },
    });
    expect((await getPublicIssuer(h.t.db, { address: signer, locale: "en" })).name).toBe(
      "Kowloon Modern Gallery Limited",
    );
    expect((await getPublicIssuer(h.t.db, { address: signer, locale: "zh-HK" })).name).toBe("九龍現代畫廊有限公司");
    // A saved display name wins over the legal name; an empty one falls back again.
    await h.t.db.insert(issuerProfiles).values({ address: signer, nameEn: "KMG" });
    expect((await getPublicIssuer(h.t.db, { address: signer, locale: "en" })).name).toBe("KMG");
    expect((await getPublicIssuer(h.t.db, { address: signer, locale: "zh-HK" })).name).toBe("KMG");
  });
});
