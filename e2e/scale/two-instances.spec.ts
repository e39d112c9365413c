/**
 * Two instances behind a round-robin proxy, one PostgreSQL, one indexer writer (scripts/scale.ts): what the README
 * claims for scale-out, shown in a browser. Each request goes to the instance the test names (the proxy's
 * `x-atelier-instance` header, added to the portal's own requests only), and the answer says which served it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { simplePdf } from "../../scripts/seed/pdf";
import { expect, installWallet, test } from "../fixtures/wallet";
import { signInWithTestWallet, signOut } from "../pages/sign-in";
import { E2E_DATA_DIR } from "../ports";
import { servedBy, pinInstance } from "./instances";

test.describe.configure({ mode: "serial" });

test("the proxy alternates between the two instances", async ({ request }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await request.get("/api/health");
    expect(res.status()).toBeLessThan(500);
    seen.add(res.headers()["x-served-by"]!);
  }
  expect([...seen].sort()).toEqual(["a", "b"]);
});

test("signed in on one instance, signed in on the other; a purchase through one shows on the other at once, also on a public page the other had cached; sign-out on one holds on the other", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const slug = "composition-in-jade-and-vermilion";
  await installWallet(page, "mei");
  await pinInstance(page, "a");
  await signInWithTestWallet(page, { next: `/artworks/${slug}/buy` });
  await expect(page.getByRole("heading", { name: "Buy shares" })).toBeVisible();

  // The session made by A is valid on B (stateless sessions, one secret).
  await pinInstance(page, "b");
  expect(await servedBy(page, "/portfolio")).toBe("b");
  await expect(page).toHaveURL(/\/portfolio$/);
  const holdings = page.getByRole("table", { name: "Holdings" }).getByRole("row", { name: /Jade and Vermilion/ });
  const before = (await holdings.count()) ? Number(await holdings.locator('[data-col="shares"]').innerText()) : 0;

  // A visitor without a session reads the artwork page on B, which caches it (the public page cache).
  const visitorContext = await page.context().browser()!.newContext();
  const visitor = await visitorContext.newPage();
  await pinInstance(visitor, "b");
  const soldOnB = async () => {
    const res = await visitor.goto(`/artworks/${slug}`);
    const text = await visitor
      .getByText(/ of [\d,]+ shares sold/)
      .first()
      .innerText();
    return {
      sold: Number(text.split(" of ")[0]!.replace(/[^\d]/g, "")),
      cache: res?.headers()["x-atelier-page-cache"],
    };
  };
  const soldBefore = (await soldOnB()).sold;
  expect((await soldOnB()).cache).toBe("hit");

  // Buy through A …
  await pinInstance(page, "a");
  expect(await servedBy(page, `/artworks/${slug}/buy`)).toBe("a");
  await page.getByLabel("Number of shares").fill("2");
  // The page was loaded afresh: the wallet connects again before the checks can run.
  const review = page.getByRole("button", { name: "Review purchase" });
  await expect(async () => {
    const connect = page.getByRole("button", { name: "Connect wallet" }).first();
    if (await connect.isVisible()) {
      await connect.click();
      const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
      await dialog.getByRole("button", { name: /Test Wallet/ }).click();
      await expect(dialog).toBeHidden();
    }
    expect(await review.isEnabled()).toBe(true);
  }).toPass({ timeout: 30_000 });
  await review.click();
  await page
    .getByRole("dialog", { name: "Confirm your purchase" })
    .getByRole("button", { name: "Sign and buy" })
    .click();
  await expect(page.getByTestId("purchase-status")).toContainText("Purchase confirmed", { timeout: 60_000 });

  // … and B shows it on its very next render: the holding and the recorded purchase (read-your-writes, no stickiness).
  await pinInstance(page, "b");
  expect(await servedBy(page, "/portfolio")).toBe("b");
  await expect(holdings.locator('[data-col="shares"]')).toHaveText(String(before + 2));
  await expect(
    page.getByRole("table", { name: "Transaction history" }).getByRole("row", { name: /Purchase.*Jade and Vermilion/ }),
  ).not.toHaveCount(0);

  // B's cached page went with the purchase (the indexer moved the page epoch; B reads it within a second).
  await expect.poll(async () => (await soldOnB()).sold, { timeout: 5_000 }).toBe(soldBefore + 2);
  await visitorContext.close();

  // Sign out through A: B refuses the same cookie from then on.
  const cookies = await page.context().cookies();
  await pinInstance(page, "a");
  await page.goto("/account");
  await page.getByRole("main").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.context().addCookies(cookies);
  await pinInstance(page, "b");
  expect(await servedBy(page, "/portfolio")).toBe("b");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("files uploaded through one instance are served by the other from the object store; none under DATA_DIR", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await installWallet(page, "harbourfront");
  await pinInstance(page, "a");
  await signInWithTestWallet(page, { next: "/issuer/artworks/new" });
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Two instances ${Date.now().toString(36)}`);
  await page.getByLabel("Artist").fill("Wong Ka-yan");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("Ink on paper.");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;

  // A document and an image, uploaded through A.
  const onA = { "x-atelier-instance": "a" };
  const pdf = simplePdf("Condition report", ["Uploaded through instance A"]);
  const doc = await page.request.post(`/api/uploads/listings/${id}/documents?title=Condition&kind=condition`, {
    data: pdf,
    headers: { ...onA, "Content-Type": "application/pdf" },
  });
  expect(doc.status()).toBe(201);
  expect(doc.headers()["x-served-by"]).toBe("a");
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 90, b: 70 } } })
    .png()
    .toBuffer();
  const image = await page.request.post(`/api/uploads/listings/${id}/images?alt=Front`, {
    data: png,
    headers: { ...onA, "Content-Type": "image/png" },
  });
  expect(image.status()).toBe(201);

  // B lists them and serves their bytes: the document exactly as uploaded (its hash is what gets anchored).
  await pinInstance(page, "b");
  expect(await servedBy(page, `/issuer/artworks/${id}`)).toBe("b");
  const documentHref = await page.locator('a[href^="/documents/"]').first().getAttribute("href");
  const imageSrc = await page.locator('img[src^="/media/artworks/"]').first().getAttribute("src");
  const onB = { "x-atelier-instance": "b" };
  const servedDocument = await page.request.get(documentHref!, { headers: onB });
  expect(servedDocument.status()).toBe(200);
  expect(servedDocument.headers()["x-served-by"]).toBe("b");
  expect(Buffer.from(await servedDocument.body()).equals(pdf)).toBe(true);
  const servedImage = await page.request.get(imageSrc!, { headers: onB });
  expect(servedImage.status()).toBe(200);
  expect(servedImage.headers()["content-type"]).toBe("image/webp");

  // With S3 configured (scripts/scale.ts), neither instance wrote a file under DATA_DIR: they share one folder here.
  const files = path.join(E2E_DATA_DIR, "files");
  expect(existsSync(files) ? readdirSync(files, { recursive: true }) : []).toEqual([]);
});

test("one indexer writes: the second waits on the lock", async () => {
  const first = readFileSync(path.join(E2E_DATA_DIR, "indexer-1.log"), "utf8");
  const second = readFileSync(path.join(E2E_DATA_DIR, "indexer-2.log"), "utf8");
  expect(first).toContain("holding the indexer lock");
  expect(second).toContain("another indexer holds the lock; waiting to take over");
  expect(second).not.toContain("holding the indexer lock");
});

test("rate limits hold across both instances", async ({ page }) => {
  test.setTimeout(120_000);
  // Capture the sign-in page's own nonce request (a server action) and replay it, alternating instances.
  await installWallet(page, "david");
  let action: { url: string; headers: Record<string, string>; body: string } | null = null;
  page.on("request", (r) => {
    if (!action && r.method() === "POST" && r.headers()["next-action"])
      action = { url: r.url(), headers: r.headers(), body: r.postData() ?? "" };
  });
  await signInWithTestWallet(page);
  expect(action).not.toBeNull();
  const { url, headers, body } = action!;
  /** Replays the nonce request, alternating instances, until refused: how many went through on each, and the wait. */
  const spend = async () => {
    const served: Record<string, number> = { a: 0, b: 0 };
    let refusedAt = 0;
    let wait = 0;
    for (let i = 1; i <= 70 && !refusedAt; i++) {
      const name = i % 2 ? "a" : "b";
      const res = await page.request.post(url, { headers: { ...headers, "x-atelier-instance": name }, data: body });
      const text = await res.text();
      expect(res.headers()["x-served-by"]).toBe(name);
      if (text.includes("rate_limited")) {
        refusedAt = i;
        wait = Number(/"retryAfterSeconds":(\d+)/.exec(text)?.[1] ?? 60);
      } else served[name]! += 1;
    }
    return { served, refusedAt, wait };
  };
  // The window is one minute from its first hit, and the journeys before this one opened it: when it ends too soon
  // for the checks below, spend a fresh one.
  let { served, refusedAt, wait } = await spend();
  if (refusedAt > 0 && wait < 30) {
    await page.waitForTimeout((wait + 1) * 1000);
    ({ served, refusedAt, wait } = await spend());
  }
  // The nonce limit is 30 a minute per client IP, counted in the database: both instances together stop at it
  // (a per-instance count would have allowed 60).
  expect(refusedAt).toBeGreaterThan(0);
  expect(refusedAt).toBeLessThanOrEqual(31);
  expect(served.a).toBeGreaterThan(5);
  expect(served.b).toBeGreaterThan(5);
  for (const name of ["a", "b"]) {
    const res = await page.request.post(url, { headers: { ...headers, "x-atelier-instance": name }, data: body });
    expect(await res.text()).toContain("rate_limited");
  }
  // The person trying to sign in now is told how long to wait, in seconds (not a vague "a minute").
  await signOut(page);
  await signInWithTestWallet(page, { expectSuccess: false });
  const refusal = page.getByRole("alert").filter({ hasText: "Too many attempts" });
  await expect(refusal).toContainText(/try again in \d+ seconds?\./);
});
