/**
 * Journeys across two instances (scripts/scale.ts), as people make them: each person's browser is sent to one
 * instance (the proxy's `x-atelier-instance` header), their wallet signs for real, and what one did through instance A
 * is what the next person sees through instance B —
 *   - a KYC document an investor uploaded through A is opened, decrypted, by the compliance officer through B;
 *   - an update's PDF uploaded through A and anchored on chain from the issuer's wallet verifies on B (and, replaced
 *     in the bucket behind the portal's back, is flagged there);
 *   - an order placed through A is in B's order book on the next render.
 * Runs before two-instances.spec.ts (its last journey spends the sign-in rate limit of the one client IP).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { Page } from "@playwright/test";
import { simplePdf } from "../../scripts/seed/pdf";
import { expect, test, type WalletLog } from "../fixtures/wallet";
import { fillWizard, KYC_PDF, KYC_PNG, openInQueue } from "../pages/onboarding";
import { connectIfAsked, objectStore, servedBy, signedInOn, pinInstance, visitorOn } from "./instances";

test.describe.configure({ mode: "serial" });

const sha256 = (bytes: Buffer) => `0x${createHash("sha256").update(bytes).digest("hex")}`;

/** Every file of s3rver's folder (the bucket's objects and their metadata). */
function storedFiles(directory: string): Buffer[] {
  return (readdirSync(directory, { recursive: true }) as string[])
    .map((name) => path.join(directory, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file));
}

test("a KYC document uploaded through A is opened, decrypted, by the compliance officer through B", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `Nadia Two-Instances ${Date.now().toString(36)}`;
  const { page: investor } = await signedInOn(browser, "newcomer", "a", "/onboarding");
  const uploadedBy: string[] = [];
  investor.on("response", (r) => {
    if (r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/api/uploads/kyc"))
      uploadedBy.push(r.headers()["x-served-by"] ?? "?");
  });
  await investor.getByRole("button", { name: "Start your application" }).click();
  await fillWizard(investor, { name, category: "retail" });
  // Both documents (and the one refused for its content) went to instance A.
  expect(uploadedBy.length).toBeGreaterThanOrEqual(2);
  expect(new Set(uploadedBy)).toEqual(new Set(["a"]));
  await investor.getByRole("button", { name: "Submit application" }).click();
  await expect(investor.getByText("Application submitted")).toBeVisible();

  // The bucket holds the documents sealed: neither one's bytes are stored in the clear.
  const store = objectStore();
  expect(store, "scripts/scale.ts names its object store").not.toBeNull();
  for (const file of storedFiles(store!.directory)) {
    expect(file.includes(KYC_PDF)).toBe(false);
    expect(file.includes(KYC_PNG)).toBe(false);
  }

  // The officer, on instance B: the application, its identity document shown, both documents opened.
  const { page: officer } = await signedInOn(browser, "grace", "b", "/compliance/kyc");
  await expect(officer.getByRole("heading", { name: "KYC review queue" })).toBeVisible();
  const image = officer.waitForResponse((r) => /\/api\/kyc\/documents\/[^/]+$/.test(new URL(r.url()).pathname));
  await openInQueue(officer, name);
  const documents = officer.getByRole("region", { name: "Documents" });
  const shown = await image;
  expect(shown.headers()["x-served-by"]).toBe("b");
  expect(shown.status()).toBe(200);
  expect((await shown.body()).equals(KYC_PNG)).toBe(true);
  const identity = documents.getByRole("img", { name: "Identity document" });
  await expect.poll(() => identity.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

  // "Open Identity document" opens it in a tab of its own, served by B, exactly the bytes the investor uploaded.
  const [tab, opened] = await Promise.all([
    officer.waitForEvent("popup"),
    officer
      .context()
      .waitForEvent(
        "response",
        (r) => r.request().resourceType() === "document" && /\/api\/kyc\/documents\//.test(r.url()),
      ),
    documents.getByRole("link", { name: "Open Identity document" }).click(),
  ]);
  expect(opened.headers()["x-served-by"]).toBe("b");
  expect((await opened.body()).equals(KYC_PNG)).toBe(true);
  await tab.close();
  const proof = await documents.getByRole("link", { name: "Open Proof of address" }).getAttribute("href");
  const pdf = await officer.request.get(proof!, { headers: { "x-atelier-instance": "b" } });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["x-served-by"]).toBe("b");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).equals(KYC_PDF)).toBe(true);
  // The hashes the officer reads are those of the documents as uploaded.
  await expect(documents).toContainText(`SHA-256 ${sha256(KYC_PNG)}`);
  await expect(documents).toContainText(`SHA-256 ${sha256(KYC_PDF)}`);
  await investor.context().close();
  await officer.context().close();
});

test("an update's PDF uploaded through A and anchored on chain from the issuer's wallet verifies on B; replaced in the bucket, B flags it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const slug = "harbour-at-dusk-no-3";
  const headline = `Revalued, seen from two instances ${Date.now().toString(36)}`;
  const visitor = await visitorOn(browser, "b");
  // B renders (and caches) the artwork page before the update exists.
  expect(await servedBy(visitor, `/artworks/${slug}`)).toBe("b");
  await expect(visitor.getByRole("region", { name: "Updates from the issuer" })).not.toContainText(headline);

  // The issuer, on A: the update with its PDF, then anchored from his own wallet (one transaction).
  const { page: issuer, log } = await signedInOn(browser, "lumen", "a", "/issuer");
  await issuer
    .getByRole("link", { name: /Harbour at Dusk, No\. 3/ })
    .first()
    .click();
  await expect(issuer).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  const updates = issuer.getByRole("region", { name: "Updates for investors" });
  const form = updates.getByRole("form", { name: "New update" });
  await form.getByLabel("Headline").fill(headline);
  await form.getByLabel("New value (HK$)").fill("2,700,000");
  await form.getByLabel("Appraiser").fill("Meridian Valuation Services");
  await form.getByLabel("Details").fill("Revalued; the report was uploaded through one instance.");
  const pdf = simplePdf("Valuation report", ["Harbour at Dusk, No. 3", "Uploaded through instance A"]);
  const sha = sha256(pdf);
  const upload = issuer.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/api/uploads/"));
  await form
    .getByLabel("PDF documents (optional)")
    .setInputFiles({ name: "valuation.pdf", mimeType: "application/pdf", buffer: pdf });
  await form.getByRole("button", { name: "Save update" }).click();
  expect((await upload).headers()["x-served-by"]).toBe("a");
  await expect(updates.getByText("Update saved. Anchor its documents below to publish it.")).toBeVisible();
  const item = updates.getByRole("listitem", { name: headline });
  await expect(item.getByText(`SHA-256 ${sha}`)).toBeVisible();
  const anchor = item.getByRole("button", { name: `Anchor 1 document and publish: ${headline}` });
  await connectIfAsked(issuer, () => expect(anchor).toBeEnabled({ timeout: 2_000 }));
  const sent = (l: WalletLog) => l.filter((r) => r.method === "eth_sendTransaction").length;
  const before = sent(log);
  await anchor.click();
  await expect(item.getByText("Published", { exact: true })).toBeVisible({ timeout: 60_000 });
  expect(sent(log) - before).toBe(1);

  // The issuer's own next page, on B: the update published, its document verified against the chain.
  await pinInstance(issuer, "b");
  expect(await servedBy(issuer, `/artworks/${slug}`)).toBe("b");
  const mine = issuer.getByRole("region", { name: "Updates from the issuer" }).getByRole("article", { name: headline });
  const mineDocs = mine.getByRole("list", { name: `Documents of ${headline}` });
  await expect(mineDocs.getByText("Verified on-chain")).toBeVisible();
  await expect(mineDocs).toContainText(sha);

  // B has hashed that object; replaced in the bucket (a new version, a new ETag), it is not vouched for on B's next
  // page — and once the anchored bytes are back, verified again.
  const store = objectStore();
  expect(store, "scripts/scale.ts names its object store").not.toBeNull();
  const s3 = new S3Client({
    endpoint: store!.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    // s3rver's own fixed credentials (lib/storage/test-s3-server.ts).
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  const key = await keyHolding(s3, store!.bucket, pdf);
  const put = (body: Buffer) =>
    s3.send(new PutObjectCommand({ Bucket: store!.bucket, Key: key, Body: body, ContentType: "application/pdf" }));
  await put(Buffer.concat([pdf, Buffer.from("\n% replaced after anchoring\n")]));
  try {
    expect(await servedBy(issuer, `/artworks/${slug}`)).toBe("b");
    await expect(mineDocs.getByText("Does not match the chain")).toBeVisible();
    await expect(mine.getByRole("alert")).toContainText("this file differs from the document anchored on-chain");
  } finally {
    await put(pdf);
  }
  expect(await servedBy(issuer, `/artworks/${slug}`)).toBe("b");
  await expect(mineDocs.getByText("Verified on-chain")).toBeVisible();
  s3.destroy();

  // The visitor on B: B's cached page went with the publication (the page epoch, read each second).
  const article = visitor
    .getByRole("region", { name: "Updates from the issuer" })
    .getByRole("article", { name: headline });
  await expect
    .poll(
      async () => {
        await visitor.reload();
        return article.count();
      },
      { timeout: 5_000 },
    )
    .toBe(1);
  const docs = article.getByRole("list", { name: `Documents of ${headline}` });
  await expect(docs.getByText("Verified on-chain")).toBeVisible();
  await expect(docs).toContainText(sha);
  await expect(docs.getByText(/does not match|changed/i)).toHaveCount(0);
  // The PDF B serves is the one anchored.
  const href = await docs.getByRole("link").first().getAttribute("href");
  const served = await visitor.request.get(href!, { headers: { "x-atelier-instance": "b" } });
  expect(served.headers()["x-served-by"]).toBe("b");
  expect(sha256(await served.body())).toBe(sha);
  await visitor.context().close();
  await issuer.context().close();
});

/** The key of the bucket's object whose bytes are `bytes` (found by size, then compared). */
async function keyHolding(s3: S3Client, bucket: string, bytes: Buffer): Promise<string> {
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? []) {
      if (o.Size !== bytes.length || !o.Key) continue;
      const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key }));
      if (Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)) return o.Key;
    }
    token = page.NextContinuationToken;
  } while (token);
  throw new Error("no object in the bucket holds those bytes");
}

/** The trade page's book: the price levels of one side, as "price shares orders" rows. */
function bookSide(page: Page, side: "Offers to sell" | "Offers to buy") {
  return page.getByRole("table", { name: side }).getByRole("row");
}

test("an order placed through A is in the order book on B at its next render", async ({ browser }) => {
  test.setTimeout(240_000);
  const slug = "quiet-mountains";
  const tradeReady = (page: Page) => () =>
    expect(page.locator('[data-check="kyc"]')).not.toHaveAttribute("data-state", "unknown", { timeout: 5_000 });

  // Alice reads the book on B; a visitor's artwork page is rendered and cached by B.
  const { page: alice } = await signedInOn(browser, "alice", "b", `/artworks/${slug}/trade`);
  await expect(alice.getByRole("heading", { level: 1, name: /Trade shares/ })).toBeVisible();
  await expect(bookSide(alice, "Offers to sell").filter({ hasText: "HK$5,100.00" })).toHaveCount(0);
  const visitor = await visitorOn(browser, "b");
  expect(await servedBy(visitor, `/artworks/${slug}`)).toBe("b");
  await expect(bookSide(visitor, "Offers to sell").filter({ hasText: "HK$5,100.00" })).toHaveCount(0);

  // Mei, on A: a limit sell of 4 at HK$5,100 (below the seeded HK$5,350), signed by her wallet.
  const { page: mei, log } = await signedInOn(browser, "mei", "a", `/artworks/${slug}/trade`);
  await connectIfAsked(mei, tradeReady(mei));
  await mei.getByRole("radio", { name: "Sell", exact: true }).check();
  await mei.getByRole("radio", { name: "Place a limit order" }).check();
  await mei.getByLabel("Number of shares").fill("4");
  await mei.getByLabel(/price per share/i).fill("5100");
  for (const id of ["kyc", "token", "funds"])
    await expect(mei.locator(`[data-check="${id}"]`)).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
  await mei.getByRole("button", { name: "Place sell order" }).click();
  await expect(mei.getByRole("form", { name: "New order" }).getByTestId("trade-status")).toContainText(
    "Your order is in the book.",
    { timeout: 60_000 },
  );
  expect(log.filter((r) => r.method === "eth_sendTransaction").length).toBeGreaterThanOrEqual(1);

  // Alice's very next page on B has it: the best offer to sell, 4 shares in 1 order — as B rendered it, read once
  // (no reload, no waiting for a cache to expire).
  expect(await servedBy(alice, `/artworks/${slug}/trade`)).toBe("b");
  const levels = await bookSide(alice, "Offers to sell").allInnerTexts();
  expect(levels[1], `the asks B rendered: ${levels.join(" | ")}`).toMatch(/^HK\$5,100\.00\s+4\s+1$/);
  await connectIfAsked(alice, tradeReady(alice));
  await alice.getByRole("radio", { name: "Buy", exact: true }).check();
  await alice.getByRole("radio", { name: "Take the best offer" }).check();
  await alice.getByLabel("Number of shares").fill("4");
  await expect(alice.getByTestId("best-offer")).toHaveText("Best offer: 4 shares at HK$5,100.00");

  // The visitor's page cached by B went with the order (the indexer moved the page epoch; B reads it each second).
  await expect
    .poll(
      async () => {
        await visitor.reload();
        return bookSide(visitor, "Offers to sell").filter({ hasText: "HK$5,100.00" }).count();
      },
      { timeout: 5_000 },
    )
    .toBe(1);
  for (const p of [alice, mei, visitor]) await p.context().close();
});
