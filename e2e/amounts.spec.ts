/**
 * Amount fields and the buy journey (issue 11 items 1, 6, 7, 22; issue 19 items 8, 9): a typed amount is
 * never rewritten into another number, checks that do not depend on the amount answer without one, an
 * offering that is over says so from the first paint, the wallet is shown as the wallet shows it.
 */
import type { Locator, Page } from "@playwright/test";
import { addressOf, expect, installWallet, test, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";

const SIGNING = ["eth_sendTransaction", "eth_signTypedData_v4", "eth_signTypedData", "personal_sign", "eth_sign"];
const signingRequests = (log: WalletLog, from = 0) => log.slice(from).filter((r) => SIGNING.includes(r.method));
const check = (page: Page, id: "kyc" | "offering" | "token" | "balance") => page.locator(`[data-check="${id}"]`);

/** Pastes through the system clipboard (Ctrl+V), as a person pasting a copied number. */
async function paste(page: Page, input: Locator, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await input.fill("");
  await input.focus();
  await page.keyboard.press("ControlOrMeta+V");
}

/** The field keeps exactly what was typed, says why it is refused, and nothing can be reviewed or signed. */
async function expectRefused(page: Page, input: Locator, typed: string, words: string) {
  await expect(input).toHaveValue(typed);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const described = (await input.getAttribute("aria-describedby")) ?? "";
  expect(described).toContain("shares-error");
  await expect(page.locator("#shares-error")).toHaveText(words);
  const review = page.getByRole("button", { name: "Review purchase" });
  await expect(review).toBeDisabled();
  await review.click({ force: true });
  await expect(page.getByRole("dialog", { name: "Confirm your purchase" })).toHaveCount(0);
}

test.describe("buy box: what is typed is what is bought", () => {
  test("2.5 typed, 7.5 and -10 pasted are refused in words and never open a confirmation for another amount", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const log = await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/artworks/composition-in-jade-and-vermilion/buy" });
    await expect(page.getByRole("heading", { name: "Buy shares" })).toBeVisible();
    const afterSignIn = log.length;
    const input = page.getByLabel("Number of shares");
    await expect(check(page, "kyc")).toHaveAttribute("data-state", "ok", { timeout: 20_000 });

    await input.fill("");
    await input.pressSequentially("2.5");
    await expectRefused(page, input, "2.5", "Enter a whole number of shares, without a decimal point.");

    await paste(page, input, "7.5");
    await expectRefused(page, input, "7.5", "Enter a whole number of shares, without a decimal point.");

    await paste(page, input, "-10");
    await expectRefused(page, input, "-10", "The number of shares cannot be negative.");

    await input.fill("1e3");
    await expectRefused(page, input, "1e3", "Use digits only, for example 12,500.");

    // A valid amount, with a thousands separator where it belongs, is taken as typed.
    await input.fill("3");
    await expect(input).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("buy-cost")).toHaveText("HK$2,550.00");
    for (const id of ["kyc", "offering", "token", "balance"] as const)
      await expect(check(page, id)).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
    await page.getByRole("button", { name: "Review purchase" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm your purchase" });
    await expect(dialog.locator("dd").first()).toHaveText("3");
    await expect(dialog).toContainText("HK$2,550.00");
    // The permit deadline: a date and a time, Hong Kong time (not a bare time).
    await expect(dialog).toContainText(/until \d{1,2} \w+ \d{4}, \d{2}:\d{2} HKT\./);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(signingRequests(log, afterSignIn)).toEqual([]);
  });

  test("with no amount, KYC and balance still answer, the amount check says what to enter, the balance stays", async ({
    page,
  }) => {
    await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/artworks/composition-in-jade-and-vermilion/buy" });
    const input = page.getByLabel("Number of shares");
    await expect(check(page, "balance")).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
    const balance = await page.getByTestId("hkd-balance").innerText();
    expect(balance).toMatch(/^HK\$[\d,]+\.\d{2}$/);

    for (const typed of ["", "0"]) {
      await input.fill(typed);
      await expect(check(page, "kyc")).toHaveAttribute("data-state", "ok");
      await expect(check(page, "balance")).toHaveAttribute("data-state", "ok");
      await expect(check(page, "balance")).toContainText(`Your balance is ${balance}.`);
      await expect(check(page, "offering")).toHaveAttribute("data-state", "input");
      await expect(check(page, "offering")).toContainText(/Enter the number of shares: at least \d+, up to \d+ more\./);
      await expect(page.getByTestId("hkd-balance")).toHaveText(balance);
      await expect(page.locator('[data-check][data-state="unknown"]')).toHaveCount(0, { timeout: 20_000 });
      await expect(page.getByRole("button", { name: "Review purchase" })).toBeDisabled();
    }
    await expect(page.locator("#shares-error")).toHaveText("Enter at least 1 share.");
  });
});

test.describe("buy page of an offering that is over", () => {
  test("a sold-out offering says Sold out from the first paint and offers the market", async ({ page }) => {
    await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/artworks/quiet-mountains/buy" });
    // What the server sends, before any script runs: the page's main content in the HTML (the script payload,
    // which carries every message of the locale, left out).
    const html = await (await page.request.get("/artworks/quiet-mountains/buy")).text();
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>")).replace(/<script[\s\S]*?<\/script>/g, "");
    expect(main).toContain("Sold out");
    expect(main).toContain("All 600 shares of this offering have been bought.");
    expect(main).toContain('href="/artworks/quiet-mountains/trade"');
    expect(main).not.toContain("you can buy up to");
    expect(main).not.toContain("closed on");
    expect(main).not.toContain("Number of shares");
    expect(main).not.toContain("Checking");

    await expect(page.getByTestId("offering-over")).toContainText("All 600 shares of this offering have been bought.");
    await expect(page.getByTestId("offering-status")).toHaveText("Sold out");
    await expect(page.getByTestId("shares-available")).toHaveText("0 / 600");
    await expect(page.getByText("Checking")).toHaveCount(0);
    await page.getByRole("link", { name: "Go to the market" }).click();
    await expect(page).toHaveURL(/\/artworks\/quiet-mountains\/trade$/);
  });
});

test("the onboarding page shows the wallet in checksum casing", async ({ page }) => {
  await installWallet(page, "mei");
  await signInWithTestWallet(page, { next: "/onboarding" });
  const mei = addressOf("mei");
  expect(mei).not.toBe(mei.toLowerCase());
  await expect(page.getByRole("main").getByTitle(mei, { exact: true }).first()).toBeVisible();
  await expect(page.getByTitle(mei.toLowerCase(), { exact: true })).toHaveCount(0);
  await expect(page.getByText(`${mei.slice(0, 6)}…${mei.slice(-4)}`).first()).toBeVisible();
});
