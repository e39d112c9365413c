/**
 * Uploads go to route handlers that check the session and the listing before reading a byte (issue 11 item 8,
 * issue 12): a 30 MB file gets the size limit's words, in the browser and from the server, and nothing typed is
 * lost; a refusal for too many uploads says how long to wait; a server action no longer accepts a large body.
 * Issuer: Harbourfront (anvil #4), on a fresh draft of its own.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { simplePdf } from "../scripts/seed/pdf";
import { expectNoAxeViolations } from "./fixtures/axe";
import { expect, installWallet, test, type DemoKey } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DIST_DIR, E2E_ORIGIN } from "./ports";

const MB = 1024 * 1024;

async function as(browser: Browser, who: DemoKey, next: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, who);
  await signInWithTestWallet(page, { next });
  return page;
}

/** The id under which Next serves a server action (the build's manifest), to call it as a script would. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(E2E_DIST_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`server action ${name} not found in the build manifest`);
  return found[0];
}

test("a 30 MB document is refused in words by the browser and by the server; the typed title stays; a PDF still uploads", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await as(browser, "harbourfront", "/issuer/artworks/new");
  const title = `Upload limits ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByLabel("Artist").fill("Wong Ka-yan");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("Ink on paper.");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const documentsUrl = `/api/uploads/listings/${id}/documents?title=Appraisal&kind=appraisal`;

  // In the browser: refused before sending, the words beside the field, the typed title kept.
  await page.getByLabel("Document title").fill("Independent appraisal");
  await page
    .getByLabel("PDF file")
    .setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(30 * MB, 0x25) });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByLabel("PDF file")).toHaveAccessibleDescription(/over the size limit/);
  await expect(page.getByLabel("Document title")).toHaveValue("Independent appraisal");

  // On the server, for a client without that guard: 413 in the same words (no "Something went wrong").
  const big = await page.request.post(documentsUrl, {
    data: Buffer.alloc(30 * MB, 0x25),
    headers: { "Content-Type": "application/pdf" },
  });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false, message: "This file is over the size limit." });
  // Signed out, the same request is refused before its body is read.
  const visitor = await browser.newContext({ baseURL: E2E_ORIGIN });
  const anonymous = await visitor.request.post(documentsUrl, {
    data: simplePdf("Appraisal", ["x"]),
    headers: { "Content-Type": "application/pdf" },
  });
  expect(anonymous.status()).toBe(401);
  // Another issuer's wallet: refused, nothing stored.
  const lumen = await as(browser, "lumen", "/issuer");
  const other = await lumen.request.post(documentsUrl, {
    data: simplePdf("Appraisal", ["x"]),
    headers: { "Content-Type": "application/pdf" },
  });
  expect(other.status()).toBe(403);
  await lumen.context().close();

  // Too many uploads: the form says how long to wait, in words, and keeps what was typed.
  await page.route(`**/api/uploads/listings/${id}/documents**`, (route) =>
    route.fulfill({
      status: 429,
      headers: { "Retry-After": "42", "Content-Type": "application/json" },
      body: JSON.stringify({
        ok: false,
        code: "rate_limited",
        message: "Too many uploads in a short time. Nothing was saved; try again in 42 seconds.",
        retryAfterSeconds: 42,
      }),
    }),
  );
  const pdf = simplePdf("Independent appraisal", [`Artwork: ${title}`]);
  await page.getByLabel("PDF file").setInputFiles({ name: "appraisal.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload document" }).click();
  // In the form's error summary, which takes focus (as every refused form does).
  await expect(page.locator("[data-error-summary]").getByText("try again in 42 seconds")).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("[data-error-summary]"))).toBe(true);
  await expect(page.getByLabel("Document title")).toHaveValue("Independent appraisal");
  await expectNoAxeViolations(page, { label: "listing with an upload refused" });
  await page
    .locator("form")
    .filter({ has: page.getByLabel("PDF file") })
    .screenshot({ path: ".shots/uploads-refused.png" });
  await page.unroute(`**/api/uploads/listings/${id}/documents**`);

  // The real upload, end to end: stored, hashed, listed; the form is cleared for the next one.
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByText("Document added.")).toBeVisible();
  await expect(page.getByTestId("document-sha256")).toHaveCount(1);
  await expect(page.getByLabel("Document title")).toHaveValue("");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: ".shots/uploads-document-added-375.png", fullPage: true });
});

test("a server action refuses a body over 1 MB (large bodies go only to the upload routes)", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await page.goto("/");
  // An action any visitor may call (it answers "please sign in" in words): the body limit is all that differs.
  const id = actionId("components/issuer/update-actions.ts", "unanchoredUpdateDocumentsAction");
  const call = (padding: number) =>
    page.evaluate(
      async ({ id, body }) => {
        const res = await fetch("/", {
          method: "POST",
          headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
          body,
        });
        return { status: res.status, text: await res.text() };
      },
      {
        id,
        body: JSON.stringify([{ updateId: "00000000-0000-0000-0000-000000000000", padding: "x".repeat(padding) }]),
      },
    );
  // A small body is an ordinary call, answered in words; two megabytes, signed out, is refused before the action runs.
  const small = await call(10);
  expect(small.status).toBe(200);
  expect(small.text).toContain("sign in");
  const large = await call(2 * MB);
  // Next refuses the body while reading it ("Body exceeded 1mb limit") and answers a fetch action with an error row
  // instead of the action's result: the action never ran. Under the former 16 MB limit it ran and answered.
  expect(large.text).toMatch(/^1:E\{"digest":"\d+"\}/m);
  expect(large.text).not.toContain("sign in");
  await context.close();
});
