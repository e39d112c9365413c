import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetServerEnv } from "@/lib/env";
import { hashStoredFile, writeStoredFile } from "./files";

const sha = (s: string) => `0x${createHash("sha256").update(s).digest("hex")}`;

beforeAll(() => {
  vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "atelier-files-")));
  resetServerEnv();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetServerEnv();
});

describe("hashStoredFile", () => {
  it("hashes the stored bytes, and again whenever the file changes (even to the same size)", async () => {
    await writeStoredFile("docs/a.pdf", Buffer.from("first version"));
    expect(await hashStoredFile("docs/a.pdf")).toBe(sha("first version"));
    expect(await hashStoredFile("docs/a.pdf")).toBe(sha("first version"));
    await writeStoredFile("docs/a.pdf", Buffer.from("first versioN"));
    expect(await hashStoredFile("docs/a.pdf")).toBe(sha("first versioN"));
    await writeStoredFile("docs/a.pdf", Buffer.from("tampered after anchoring, longer"));
    expect(await hashStoredFile("docs/a.pdf")).toBe(sha("tampered after anchoring, longer"));
  });

  it("says null for a missing file or a path outside the files folder", async () => {
    expect(await hashStoredFile("docs/none.pdf")).toBeNull();
    expect(await hashStoredFile("../../etc/passwd")).toBeNull();
  });
});
