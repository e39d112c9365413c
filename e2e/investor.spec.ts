/**
 * Investor journeys (issue 4): documents verified / tampered, buy in a primary offering and see it in the
 * portfolio and the artwork's progress, unverified wallet sent to onboarding, refusals explained before any
 * signature (country not allowed, above the maximum ticket).
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, installWallet, test, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR } from "./ports";

const SIGNING = ["eth_sendTransaction", "eth_signTypedData_v4", "eth_signTypedData", "personal_sign", "eth_sign"];
const signingRequests = (log: WalletLog, from = 0) => log.slice(from).filter((r) => SIGNING.includes(r.method));

function checkItem(page: Page, id: "kyc" | "offering" | "token" | "balance") {
  return page.locator(`[data-check="${id}"]`);
}

async function setShares(page: Page, shares: number) {
  const input = page.getByLabel("Number of shares");
  await input.fill(String(shares));
  await expect(input).toHaveValue(String(shares));
}

async function soldOf(page: Page, slug: string): Promise<number> {
  await page.goto(`/artworks/${slug}`);
  const text = await page
    .getByText(/ of [\d,]+ shares sold/)
    .first()
    .innerText();
  return Number(text.split(" of ")[0]!.replace(/[^\d]/g, ""));
}

/** Reloads the artwork page and counts its documents' "does not match" warnings. */
async function warnings(page: Page): Promise<number> {
  await page.reload();
  return page
    .getByRole("region", { name: "Documents" })
    .getByText(/does not match|changed/i)
    .count();
}

test.describe("visitor: artwork documents", () => {
  test("a document is verified against the hash anchored on-chain", async ({ page }) => {
    await page.goto("/artworks/harbour-at-dusk-no-3");
    const docs = page.getByRole("region", { name: "Documents" });
    await expect(docs.getByText(/verified/i).first()).toBeVisible();
    await expect(docs.getByText(/does not match|changed/i)).toHaveCount(0);
  });

  test("a document whose file changed after anchoring shows the warning", async ({ page }) => {
    const slug = "quiet-mountains";
    const dir = path.join(E2E_DATA_DIR, "files", "artworks", slug);
    await page.goto(`/artworks/${slug}`);
    const docs = page.getByRole("region", { name: "Documents" });
    await expect(docs.getByText(/verified/i).first()).toBeVisible();
    const { readdirSync } = await import("node:fs");
    const pdf = readdirSync(dir).find((f) => f.endsWith(".pdf"));
    expect(pdf, "a seeded PDF").toBeTruthy();
    const file = path.join(dir, pdf!);
    const backup = `${file}.bak`;
    copyFileSync(file, backup);
    try {
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from("\n% tampered after anchoring\n")]));
      // A file changed behind the portal's back moves no event: a visitor's cached page says so once it is rendered
      // again, within PAGE_CACHE_SECONDS (15 s).
      await expect.poll(() => warnings(page), { timeout: 30_000, intervals: [1_000] }).toBeGreaterThan(0);
    } finally {
      copyFileSync(backup, file);
      rmSync(backup);
    }
    await expect.poll(() => warnings(page), { timeout: 30_000, intervals: [1_000] }).toBe(0);
  });
});

test.describe("investor: primary purchase", () => {
  test("a verified investor buys shares and sees them in the portfolio and the artwork's progress", async ({
    browser,
    page,
    request,
  }) => {
    const slug = "composition-in-jade-and-vermilion";
    const before = await soldOf(page, slug);
    const log = await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: `/artworks/${slug}/buy` });
    await expect(page).toHaveURL(new RegExp(`/artworks/${slug}/buy$`));
    await expect(page.getByRole("heading", { name: "Buy shares" })).toBeVisible();

    await setShares(page, 3);
    await expect(page.getByTestId("buy-cost")).toHaveText("HK$2,550.00");
    for (const id of ["kyc", "offering", "token", "balance"] as const) {
      await expect(checkItem(page, id)).toHaveAttribute("data-state", "ok");
    }
    await expect(checkItem(page, "kyc")).toContainText("Verified — valid until");

    await page.getByRole("button", { name: "Review purchase" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm your purchase" });
    await expect(dialog).toContainText("HK$2,550.00");
    await expect(dialog).toContainText("payment authorisation");
    await expect(dialog).toContainText("Locked until");
    await dialog.getByRole("button", { name: "Sign and buy" }).click();

    const status = page.getByTestId("purchase-status");
    await expect(status).toContainText("Purchase confirmed", { timeout: 30_000 });
    await expect(status.getByTestId("tx-hash")).toHaveText(/^0x[0-9a-f]{64}$/);
    // One signature for the payment (permit), one transaction for the purchase — no approve transaction.
    const methods = log.map((r) => r.method);
    expect(methods.filter((m) => m === "eth_signTypedData_v4")).toHaveLength(1);
    expect(methods.filter((m) => m === "eth_sendTransaction")).toHaveLength(1);

    await status.getByRole("link", { name: "View your portfolio" }).click();
    await expect(page).toHaveURL(/\/portfolio$/);
    const row = page
      .getByRole("table", { name: "Holdings" })
      .getByRole("row", { name: /Composition in Jade and Vermilion/ });
    await expect(row.locator('[data-col="shares"]')).toHaveText("3");
    await expect(
      page
        .getByRole("table", { name: "Transaction history" })
        .getByRole("row", { name: /Purchase.*Composition in Jade and Vermilion/ }),
    ).toBeVisible();

    // The CSV statement holds the caller's own purchase; without a session there is none.
    const csv = await page.request.get("/portfolio/statement.csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.text();
    expect(body).toMatch(/^section,date,type,artwork/);
    expect(body).toMatch(
      /transaction,[^,]+,purchase,Composition in Jade and Vermilion,0x[0-9a-fA-F]{40},0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc,3,,850\.00,2550\.00/,
    );
    const anonymous = await request.get("/portfolio/statement.csv");
    expect(anonymous.status()).toBe(401);

    expect(await soldOf(page, slug)).toBe(before + 3);
    // A visitor without a session (the page was cached for visitors before the purchase) sees it at once too.
    const visitor = await browser.newContext();
    expect(await soldOf(await visitor.newPage(), slug)).toBe(before + 3);
    await visitor.close();
  });

  test("an investor whose country the token does not allow sees the reason and is never asked to sign", async ({
    page,
  }) => {
    const log = await installWallet(page, "priya");
    await signInWithTestWallet(page, { next: "/artworks/harbour-at-dusk-no-3/buy" });
    await expect(page.getByRole("heading", { name: "Buy shares" })).toBeVisible();
    const afterSignIn = log.length;
    await setShares(page, 10);
    await expect(checkItem(page, "token")).toHaveAttribute("data-state", "failed");
    await expect(checkItem(page, "token")).toContainText(
      "This artwork is open only to investors resident in Hong Kong. Your registered residence is Singapore.",
    );
    const review = page.getByRole("button", { name: "Review purchase" });
    await expect(review).toBeDisabled();
    await review.click({ force: true });
    await expect(page.getByRole("dialog")).toHaveCount(0);
    expect(signingRequests(log, afterSignIn)).toEqual([]);
  });

  test("buying above the maximum ticket is refused with the reason", async ({ page }) => {
    const log = await installWallet(page, "alice");
    await signInWithTestWallet(page, { next: "/artworks/composition-in-jade-and-vermilion/buy" });
    await expect(page.getByRole("heading", { name: "Buy shares" })).toBeVisible();
    const afterSignIn = log.length;
    await setShares(page, 101);
    await expect(checkItem(page, "offering")).toHaveAttribute("data-state", "failed");
    await expect(checkItem(page, "offering")).toContainText(
      "One investor can buy at most 100 shares in this offering.",
    );
    await expect(page.getByRole("button", { name: "Review purchase" })).toBeDisabled();
    await setShares(page, 100);
    await expect(checkItem(page, "offering")).toHaveAttribute("data-state", "ok");
    await expect(page.getByRole("button", { name: "Review purchase" })).toBeEnabled();
    expect(signingRequests(log, afterSignIn)).toEqual([]);
  });

  test("an unverified wallet is sent to onboarding", async ({ page }) => {
    await installWallet(page, "tom");
    await signInWithTestWallet(page, { next: "/artworks/composition-in-jade-and-vermilion/buy" });
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/with our compliance team/)).toBeVisible();
  });
});
