import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { artworkDocuments, auditLog, kycDocuments, rateLimits } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { createListing } from "@/lib/issuer/listings";
import { LIMITS } from "@/lib/issuer/validation";
import { getOrCreateDraft } from "@/lib/kyc/applications";
import { MAX_DOCUMENT_BYTES } from "@/lib/kyc/content-type";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { simplePdf } from "@/scripts/seed/pdf";
import { listingFormInput } from "@/lib/issuer/listing-fixture";

/*
 * The upload route handlers (app/api/uploads/…), called as Next calls them. What matters: nothing of the body is
 * read before the caller is known to be allowed to send it, and no more than the limit is ever read.
 */

let t: TestDatabase;
const state: { session: { address: `0x${string}`; expiresAt: Date; jti: string } | null; roles: Roles } = {
  session: null,
  roles: NO_ROLES,
};

vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => state.session }));
vi.mock("@/lib/auth/roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/roles")>()),
  getRoles: async () => state.roles,
}));

const { POST: postImage } = await import("@/app/api/uploads/listings/[id]/images/route");
const { POST: postDocument } = await import("@/app/api/uploads/listings/[id]/documents/route");
const { POST: postUpdate } = await import("@/app/api/uploads/listings/[id]/updates/route");
const { POST: postKyc } = await import("@/app/api/uploads/kyc/[applicationId]/[kind]/route");

// revalidatePath needs Next's request store; the routes' effect on the cache is not what is tested here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const LUMEN = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const HARBOUR = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const MEI = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
const TOM = "0x976ea74026e726554db657fa54763abd0c3a0aa9";

const input = listingFormInput({
  title: "Harbour at Dusk",
  artist: "Lam Wing-sze",
  year: "2019",
  descriptionMd: "Two fields of colour.",
});
const pdf = simplePdf("Appraisal", ["Value: HKD 1,000,000"]);

let listingId: string;
let applicationId: string;

function signIn(address: `0x${string}`, roles: Partial<Roles> = {}) {
  state.session = { address, expiresAt: new Date(Date.now() + 3_600_000), jti: `j-${address}` };
  state.roles = { ...NO_ROLES, ...roles };
}

/** A body that counts what the handler pulls from it (nothing is pulled until someone reads). */
function tracked(bytes: Uint8Array, chunk = 1024 * 1024) {
  const seen = { pulled: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        const part = bytes.slice(offset, offset + chunk);
        offset += part.length;
        seen.pulled += part.length;
        controller.enqueue(part);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function request(
  url: string,
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | FormData,
  headers: Record<string, string> = {},
) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

const listingParams = () => ({ params: Promise.resolve({ id: listingId }) });

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "atelier-uploads-")));
  vi.stubEnv("DOCUMENT_ENCRYPTION_KEY", "ab".repeat(32));
  resetServerEnv();
  t = await createTestDatabase();
  listingId = (await createListing(t.db, { issuer: LUMEN, input })).id;
  applicationId = (await getOrCreateDraft(t.db, { address: MEI })).app.id;
});
afterAll(async () => {
  await t?.close();
  vi.unstubAllEnvs();
  resetServerEnv();
});
beforeEach(async () => {
  state.session = null;
  state.roles = NO_ROLES;
  await t.db.delete(rateLimits);
});

describe("listing document upload route", () => {
  const url = () => `/api/uploads/listings/${listingId}/documents?title=Appraisal&kind=appraisal`;

  it("answers 401 to a caller without a session, without reading the body", async () => {
    const { stream, seen } = tracked(pdf);
    const res = await postDocument(request(url(), stream), listingParams());
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(seen.pulled).toBe(0);
  });

  it("answers 403 to a wallet without the issuer role, without reading the body", async () => {
    signIn(MEI);
    const { stream, seen } = tracked(pdf);
    const res = await postDocument(request(url(), stream), listingParams());
    expect(res.status).toBe(403);
    expect(seen.pulled).toBe(0);
  });

  it("answers 403 to another issuer (the listing is not theirs), without reading the body", async () => {
    signIn(HARBOUR, { issuer: true });
    const { stream, seen } = tracked(pdf);
    const res = await postDocument(request(url(), stream), listingParams());
    expect(res.status).toBe(403);
    expect(seen.pulled).toBe(0);
    expect(await t.db.select().from(artworkDocuments).where(eq(artworkDocuments.artworkId, listingId))).toHaveLength(0);
  });

  it("refuses a body declared over the limit with 413 and the browser guard's words, reading nothing", async () => {
    signIn(LUMEN, { issuer: true });
    const { stream, seen } = tracked(new Uint8Array(LIMITS.documentBytes + 1));
    const res = await postDocument(
      request(url(), stream, { "content-length": String(30 * 1024 * 1024) }),
      listingParams(),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      code: "tooLarge",
      message: "This file is over the size limit.",
      fieldErrors: { file: "This file is over the size limit." },
    });
    expect(seen.pulled).toBe(0);
  });

  it("refuses a streamed body that passes the limit with 413, and stops reading there", async () => {
    signIn(LUMEN, { issuer: true });
    const chunk = 1024 * 1024;
    const { stream, seen } = tracked(new Uint8Array(30 * 1024 * 1024), chunk);
    const res = await postDocument(request(url(), stream), listingParams());
    expect(res.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(LIMITS.documentBytes + chunk);
  });

  it("answers 429 with Retry-After in seconds and the wait in words, past the upload limit", async () => {
    signIn(LUMEN, { issuer: true });
    await t.db.insert(rateLimits).values({
      key: `upload:address:${LUMEN}`,
      hits: RATE_LIMITS.upload.limit,
      resetAt: new Date(Date.now() + 90_000),
    });
    const { stream, seen } = tracked(pdf);
    const res = await postDocument(request(url(), stream), listingParams());
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(89);
    expect(retryAfter).toBeLessThanOrEqual(90);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: retryAfter });
    expect(body.message).toContain(`try again in ${retryAfter} seconds`);
    expect(seen.pulled).toBe(0);
  });

  it("answers in Chinese to a Chinese-speaking caller", async () => {
    signIn(LUMEN, { issuer: true });
    const res = await postDocument(
      request(url(), new Uint8Array(10), {
        "content-length": String(LIMITS.documentBytes + 1),
        cookie: "NEXT_LOCALE=zh-HK",
      }),
      listingParams(),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).message).toBe("檔案超出大小上限。");
  });

  it("refuses a missing title before reading the body; the content is checked as before", async () => {
    signIn(LUMEN, { issuer: true });
    const { stream, seen } = tracked(pdf);
    const untitled = await postDocument(
      request(`/api/uploads/listings/${listingId}/documents?title=&kind=appraisal`, stream),
      listingParams(),
    );
    expect(untitled.status).toBe(400);
    expect((await untitled.json()).fieldErrors.title).toBeTruthy();
    expect(seen.pulled).toBe(0);
    const notPdf = await postDocument(
      request(url(), new TextEncoder().encode("not a pdf") as Uint8Array<ArrayBuffer>),
      listingParams(),
    );
    expect(notPdf.status).toBe(422);
    expect(await notPdf.json()).toMatchObject({ code: "notPdf" });
  });

  it("stores the owner's PDF with its SHA-256 and audits it", async () => {
    signIn(LUMEN, { issuer: true });
    const res = await postDocument(request(url(), pdf as Uint8Array<ArrayBuffer>), listingParams());
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: true });
    const [doc] = await t.db.select().from(artworkDocuments).where(eq(artworkDocuments.artworkId, listingId));
    expect(doc).toMatchObject({ title: "Appraisal", kind: "appraisal" });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, LUMEN), eq(auditLog.subjectId, listingId)));
    expect(audited.length).toBeGreaterThan(0);
  });
});

describe("listing image and update routes", () => {
  it("image: 401 without a session and 413 by header, reading nothing", async () => {
    const { stream, seen } = tracked(new Uint8Array(1024));
    expect(
      (await postImage(request(`/api/uploads/listings/${listingId}/images`, stream), listingParams())).status,
    ).toBe(401);
    signIn(LUMEN, { issuer: true });
    const big = await postImage(
      request(`/api/uploads/listings/${listingId}/images`, stream, {
        "content-length": String(LIMITS.imageBytes + 1),
      }),
      listingParams(),
    );
    expect(big.status).toBe(413);
    expect(seen.pulled).toBe(0);
  });

  it("update: another issuer gets 403 before the body is read", async () => {
    signIn(HARBOUR, { issuer: true });
    const { stream, seen } = tracked(pdf);
    const res = await postUpdate(
      request(`/api/uploads/listings/${listingId}/updates`, stream, {
        "content-type": "multipart/form-data; boundary=x",
      }),
      listingParams(),
    );
    expect(res.status).toBe(403);
    expect(seen.pulled).toBe(0);
  });
});

describe("KYC document route", () => {
  const kycUrl = () => `/api/uploads/kyc/${applicationId}/identity?name=passport.pdf`;
  const kycParams = () => ({ params: Promise.resolve({ applicationId, kind: "identity" }) });

  it("401 without a session and 403 for another investor's application, reading nothing", async () => {
    const { stream, seen } = tracked(pdf);
    expect((await postKyc(request(kycUrl(), stream), kycParams())).status).toBe(401);
    await getOrCreateDraft(t.db, { address: TOM });
    signIn(TOM);
    expect((await postKyc(request(kycUrl(), stream), kycParams())).status).toBe(403);
    expect(seen.pulled).toBe(0);
  });

  it("413 by header and by stream for the applicant, with the onboarding form's words", async () => {
    signIn(MEI);
    const declared = await postKyc(
      request(kycUrl(), new Uint8Array(10), { "content-length": String(MAX_DOCUMENT_BYTES + 1) }),
      kycParams(),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toBe("The file is larger than 5 MB. Upload a smaller scan or photo.");
    const { stream, seen } = tracked(new Uint8Array(MAX_DOCUMENT_BYTES * 3), 256 * 1024);
    expect((await postKyc(request(kycUrl(), stream), kycParams())).status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES + 256 * 1024);
  });

  it("stores the applicant's document, encrypted, with its type from the content", async () => {
    signIn(MEI);
    const res = await postKyc(request(kycUrl(), pdf as Uint8Array<ArrayBuffer>), kycParams());
    expect(res.status).toBe(201);
    const [doc] = await t.db.select().from(kycDocuments).where(eq(kycDocuments.applicationId, applicationId));
    expect(doc).toMatchObject({ kind: "identity", mime: "application/pdf" });
  });
});
