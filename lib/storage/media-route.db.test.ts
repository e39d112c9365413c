import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/media/[...path]/route";
import { closeDb, getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/connect";
import { artworks } from "@/lib/db/schema";
import { resetServerEnv } from "@/lib/env";
import { readStoredFile, writeStoredFile } from "./files";

/** Calls the /media route handler the way Next does: path segments already percent-decoded. */
async function media(segments: string[]): Promise<Response> {
  return GET(new Request(`http://localhost/media/${segments.map(encodeURIComponent).join("/")}`), {
    params: Promise.resolve({ path: segments }),
  });
}

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "atelier-media-")));
  resetServerEnv();
  // The route serves a listing's files to anyone only once the listing is approved: "harbour" is.
  const db = await getDb();
  await migrateDatabase(db);
  await db.insert(artworks).values({
    slug: "harbour",
    issuerAddress: "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
    title: "Harbour",
    artist: "Lam",
    status: "approved",
  });
  await writeStoredFile("artworks/harbour/image-1.webp", Buffer.from("public image"));
  await writeStoredFile("artworks/harbour/metadata.json", Buffer.from("{}"));
  // Not public: outside files/artworks.
  await writeStoredFile("kyc/app-1/passport.png", Buffer.from("private scan"));
  await writeStoredFile("artworks.png", Buffer.from("beside the folder"));
});
afterAll(async () => {
  await closeDb();
  vi.unstubAllEnvs();
  resetServerEnv();
});

describe("GET /media/…", () => {
  it("serves a public artwork file", async () => {
    const res = await media(["artworks", "harbour", "image-1.webp"]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(await res.text()).toBe("public image");
  });

  it.each([
    ["an encoded ../ leaving files/artworks", ["artworks", "x", "../../kyc/app-1/passport.png"]],
    ["an encoded ../ staying inside files/artworks", ["artworks", "x", "../harbour/image-1.webp"]],
    ["a .. segment", ["artworks", "..", "kyc", "app-1", "passport.png"]],
    ["a . segment", ["artworks", ".", "harbour", "image-1.webp"]],
    ["a backslash", ["artworks", "x", "..\\..\\kyc\\app-1\\passport.png"]],
    ["a slash inside a segment", ["artworks", "harbour/image-1.webp"]],
    ["an empty segment", ["artworks", "", "harbour", "image-1.webp"]],
    ["the folder itself as a file", ["artworks.png"]],
    ["another area", ["kyc", "app-1", "passport.png"]],
  ])("refuses %s with 404", async (_what, segments) => {
    const res = await media(segments);
    expect(res.status).toBe(404);
  });

  it("answers 404, not 500, for a NUL byte in a segment", async () => {
    const res = await media(["artworks", "harbour", "image-1.webp\0.png"]);
    expect(res.status).toBe(404);
    const nul = await media(["artworks", "harb\0our", "image-1.webp"]);
    expect(nul.status).toBe(404);
  });
});

describe("readStoredFile confined to an area (used by /documents)", () => {
  it("reads inside the area and refuses anything that leaves it or has an unsafe segment", async () => {
    expect((await readStoredFile("artworks/harbour/image-1.webp", { area: "artworks" }))?.toString()).toBe(
      "public image",
    );
    expect(await readStoredFile("kyc/app-1/passport.png", { area: "artworks" })).toBeNull();
    expect(await readStoredFile("artworks/../kyc/app-1/passport.png", { area: "artworks" })).toBeNull();
    expect(await readStoredFile("artworks/harbour/../harbour/image-1.webp", { area: "artworks" })).toBeNull();
    expect(await readStoredFile("artworks/harbour\\image-1.webp", { area: "artworks" })).toBeNull();
    expect(await readStoredFile("artworks/harbour/image-1.webp\0", { area: "artworks" })).toBeNull();
  });
});
