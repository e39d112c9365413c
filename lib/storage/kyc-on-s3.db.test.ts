import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { investors, investorWallets, kycApplications } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { readKycDocument, storeKycDocument } from "@/lib/kyc/documents";
import { simplePdf } from "@/scripts/seed/pdf";
import { startTestS3Server } from "./test-s3-server";

/* A KYC document stored with S3 configured: only sealed bytes reach the bucket, and nothing reaches DATA_DIR. */

let t: TestDatabase;
let server: Awaited<ReturnType<typeof startTestS3Server>>;
let raw: S3Client;
let dataDir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestS3Server();
  const { settings } = server;
  raw = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: settings.credentials,
    forcePathStyle: true,
  });
  dataDir = mkdtempSync(path.join(tmpdir(), "atelier-kyc-s3-"));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("DOCUMENT_ENCRYPTION_KEY", "ab".repeat(32));
  vi.stubEnv("S3_ENDPOINT", settings.endpoint!);
  vi.stubEnv("S3_BUCKET", settings.bucket);
  vi.stubEnv("S3_ACCESS_KEY_ID", settings.credentials!.accessKeyId);
  vi.stubEnv("S3_SECRET_ACCESS_KEY", settings.credentials!.secretAccessKey);
  vi.stubEnv("S3_FORCE_PATH_STYLE", "true");
  resetServerEnv();
});
afterAll(async () => {
  raw?.destroy();
  await server?.stop();
  await t?.close();
  vi.unstubAllEnvs();
  resetServerEnv();
});

describe("KYC documents in object storage", () => {
  it("puts only the sealed document in the bucket, reads it back decrypted, and writes nothing under DATA_DIR", async () => {
    const [inv] = await t.db.insert(investors).values({ kycStatus: "draft", legalName: "Mei Chan" }).returning();
    const wallet = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
    await t.db.insert(investorWallets).values({ address: wallet, investorId: inv!.id, isPrimary: true });
    const [app] = await t.db.insert(kycApplications).values({ investorId: inv!.id, wallet }).returning();
    const pdf = simplePdf("Passport", ["Mei Chan", "K1234567(8)"]);

    const stored = await storeKycDocument(t.db, {
      applicationId: app!.id,
      kind: "identity",
      name: "passport.pdf",
      content: pdf,
      uploadedBy: wallet,
    });
    expect(stored.ok).toBe(true);
    const document = (stored as Extract<typeof stored, { ok: true }>).document;

    const object = await raw.send(new GetObjectCommand({ Bucket: server.settings.bucket, Key: document.filePath }));
    const inBucket = Buffer.from(await object.Body!.transformToByteArray());
    expect(inBucket.length).toBeGreaterThan(0);
    expect(inBucket.includes(Buffer.from("%PDF-"))).toBe(false);
    expect(inBucket.includes(Buffer.from("K1234567"))).toBe(false);

    expect((await readKycDocument(document))?.equals(pdf)).toBe(true);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
