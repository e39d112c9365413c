import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetServerEnv } from "@/lib/env";
import {
  confinedStoredPath,
  deleteStoredFile,
  deleteStoredFolder,
  type FileStorage,
  fileStorage,
  hashStoredFile,
  readStoredFile,
  streamStoredFile,
  writeStoredFile,
} from "./files";
import { StorageKeyError } from "./storage";
import { startTestS3Server } from "./test-s3-server";

/*
 * One suite, run against both drivers: the local folder under DATA_DIR, and S3 against a real S3 protocol server
 * (s3rver) started here on a free loopback port. Each run configures the app the way an operator would (DATA_DIR,
 * S3_*), so `fileStorage()` and the helpers the app calls are what is tested.
 */

const sha = (s: string | Uint8Array) => `0x${createHash("sha256").update(s).digest("hex")}`;
const text = async (body: ReadableStream<Uint8Array>) => new Response(body).text();

type Driver = { name: "local" | "s3"; setUp: () => Promise<Record<string, string>>; tearDown: () => Promise<void> };

let stopS3: (() => Promise<void>) | undefined;
const drivers: Driver[] = [
  { name: "local", setUp: async () => ({}), tearDown: async () => undefined },
  {
    name: "s3",
    setUp: async () => {
      const server = await startTestS3Server();
      stopS3 = server.stop;
      const { settings } = server;
      return {
        S3_ENDPOINT: settings.endpoint!,
        S3_BUCKET: settings.bucket,
        S3_REGION: settings.region,
        S3_ACCESS_KEY_ID: settings.credentials!.accessKeyId,
        S3_SECRET_ACCESS_KEY: settings.credentials!.secretAccessKey,
        S3_FORCE_PATH_STYLE: "true",
      };
    },
    tearDown: async () => {
      await stopS3?.();
      stopS3 = undefined;
    },
  },
];

describe.each(drivers)("file storage: $name driver", ({ name, setUp, tearDown }) => {
  let dataDir: string;
  let storage: FileStorage;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), `atelier-storage-${name}-`));
    vi.stubEnv("DATA_DIR", dataDir);
    for (const [key, value] of Object.entries(await setUp())) vi.stubEnv(key, value);
    resetServerEnv();
    storage = fileStorage();
  });
  afterAll(async () => {
    if (storage.kind === "s3") (storage as FileStorage & { client: { destroy(): void } }).client.destroy();
    await tearDown();
    vi.unstubAllEnvs();
    resetServerEnv();
  });

  it("is the driver the configuration names", () => {
    expect(storage.kind).toBe(name);
  });

  it("puts, gets, streams, stats and deletes a file", async () => {
    expect(await storage.get("artworks/a/none.webp")).toBeNull();
    expect(await storage.stat("artworks/a/none.webp")).toBeNull();
    expect(await storage.exists("artworks/a/none.webp")).toBe(false);
    expect(await storage.stream("artworks/a/none.webp")).toBeNull();

    await storage.put("artworks/a/image-1.webp", Buffer.from("image bytes"), { contentType: "image/webp" });
    expect((await storage.get("artworks/a/image-1.webp"))?.toString()).toBe("image bytes");
    expect(await storage.exists("artworks/a/image-1.webp")).toBe(true);
    const stat = await storage.stat("artworks/a/image-1.webp");
    expect(stat).toMatchObject({ size: 11 });
    expect(stat?.version).not.toBe("");
    const streamed = await storage.stream("artworks/a/image-1.webp");
    expect(streamed?.stat.size).toBe(11);
    expect(await text(streamed!.body)).toBe("image bytes");

    await storage.delete("artworks/a/image-1.webp");
    expect(await storage.get("artworks/a/image-1.webp")).toBeNull();
    await storage.delete("artworks/a/image-1.webp"); // deleting nothing is fine
  });

  it("keeps binary content byte for byte, empty files included", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    await storage.put("kyc/app-1/doc.bin", bytes);
    expect(sha((await storage.get("kyc/app-1/doc.bin"))!)).toBe(sha(bytes));
    await storage.put("kyc/app-1/empty.bin", new Uint8Array());
    expect((await storage.get("kyc/app-1/empty.bin"))?.length).toBe(0);
    expect((await storage.stat("kyc/app-1/empty.bin"))?.size).toBe(0);
  });

  it("gives a new version tag whenever the content changes, even to the same size", async () => {
    await storage.put("docs/v.pdf", Buffer.from("first version"));
    const first = await storage.stat("docs/v.pdf");
    await storage.put("docs/v.pdf", Buffer.from("first versioN"));
    const second = await storage.stat("docs/v.pdf");
    expect(second?.size).toBe(first?.size);
    expect(second?.version).not.toBe(first?.version);
  });

  it("refuses keys that leave the store: writes throw, reads find nothing", async () => {
    for (const key of ["../outside.txt", "../../etc/passwd", "/etc/passwd", "a/../../x", "a\0b", "", "."]) {
      await expect(storage.put(key, Buffer.from("x")), key).rejects.toThrow(StorageKeyError);
      expect(await storage.get(key), key).toBeNull();
      expect(await storage.stat(key), key).toBeNull();
      expect(await storage.exists(key), key).toBe(false);
    }
    expect(existsSync(path.join(dataDir, "outside.txt"))).toBe(false);
    // Normalised inside the store: the same file as its plain key.
    await storage.put("a/./b/../c.txt", Buffer.from("c"));
    expect((await storage.get("a/c.txt"))?.toString()).toBe("c");
  });

  it("deletes a folder's files and nothing beside it", async () => {
    await storage.put("artworks/gone/image-1.webp", Buffer.from("1"));
    await storage.put("artworks/gone/sub/metadata.json", Buffer.from("{}"));
    await storage.put("artworks/gone-not/image-1.webp", Buffer.from("kept"));
    await storage.put("artworks/gone.webp", Buffer.from("kept"));
    await deleteStoredFolder("artworks/gone");
    expect(await storage.exists("artworks/gone/image-1.webp")).toBe(false);
    expect(await storage.exists("artworks/gone/sub/metadata.json")).toBe(false);
    expect(await storage.exists("artworks/gone-not/image-1.webp")).toBe(true);
    expect(await storage.exists("artworks/gone.webp")).toBe(true);
    await deleteStoredFolder("artworks/never-was");
  });

  describe("the app's helpers on this driver", () => {
    it("read and stream a file confined to an area", async () => {
      await writeStoredFile("artworks/harbour/image-1.webp", Buffer.from("public image"));
      await writeStoredFile("kyc/app-1/passport.png", Buffer.from("private scan"));
      expect((await readStoredFile("artworks/harbour/image-1.webp", { area: "artworks" }))?.toString()).toBe(
        "public image",
      );
      expect(await readStoredFile("kyc/app-1/passport.png", { area: "artworks" })).toBeNull();
      expect(await readStoredFile("artworks/../kyc/app-1/passport.png", { area: "artworks" })).toBeNull();
      expect(await readStoredFile("artworks/harbour/../harbour/image-1.webp", { area: "artworks" })).toBeNull();
      expect(await readStoredFile("artworks/harbour/image-1.webp\0", { area: "artworks" })).toBeNull();
      expect((await readStoredFile("kyc/app-1/passport.png"))?.toString()).toBe("private scan");
      const streamed = await streamStoredFile("artworks/harbour/image-1.webp", { area: "artworks" });
      expect(streamed?.size).toBe(12);
      expect(await text(streamed!.body)).toBe("public image");
      expect(await streamStoredFile("kyc/app-1/passport.png", { area: "artworks" })).toBeNull();
      expect(confinedStoredPath("artworks", ["harbour", "image-1.webp"])).toBe("artworks/harbour/image-1.webp");
      expect(confinedStoredPath("artworks", ["..", "kyc"])).toBeNull();
      await deleteStoredFile("kyc/app-1/passport.png");
      expect(await readStoredFile("kyc/app-1/passport.png")).toBeNull();
    });

    it("hash a file again whenever it changes (even to the same size)", async () => {
      await writeStoredFile("docs/a.pdf", Buffer.from("first version"));
      expect(await hashStoredFile("docs/a.pdf")).toBe(sha("first version"));
      expect(await hashStoredFile("docs/a.pdf")).toBe(sha("first version"));
      await writeStoredFile("docs/a.pdf", Buffer.from("first versioN"));
      expect(await hashStoredFile("docs/a.pdf")).toBe(sha("first versioN"));
      await writeStoredFile("docs/a.pdf", Buffer.from("tampered after anchoring, longer"));
      expect(await hashStoredFile("docs/a.pdf")).toBe(sha("tampered after anchoring, longer"));
      expect(await hashStoredFile("docs/none.pdf")).toBeNull();
      expect(await hashStoredFile("../../etc/passwd")).toBeNull();
    });

    it("hash a settled file once per version", async () => {
      await writeStoredFile("docs/cached.pdf", Buffer.from("anchored"));
      // A local file is settled a couple of seconds after its last change: move the clock on instead of waiting.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 5_000);
      const reads = vi.spyOn(storage, "get");
      try {
        expect(await hashStoredFile("docs/cached.pdf")).toBe(sha("anchored"));
        expect(await hashStoredFile("docs/cached.pdf")).toBe(sha("anchored"));
        expect(reads).toHaveBeenCalledTimes(1);
        await writeStoredFile("docs/cached.pdf", Buffer.from("replaced"));
        vi.setSystemTime(Date.now() + 5_000);
        expect(await hashStoredFile("docs/cached.pdf")).toBe(sha("replaced"));
        expect(reads).toHaveBeenCalledTimes(2);
      } finally {
        reads.mockRestore();
        vi.useRealTimers();
      }
    });
  });

  it("writes under DATA_DIR only for the local driver", () => {
    const written = existsSync(path.join(dataDir, "files")) ? readdirSync(path.join(dataDir, "files")) : [];
    if (name === "local") expect(written.length).toBeGreaterThan(0);
    else expect(written).toEqual([]);
  });
});
