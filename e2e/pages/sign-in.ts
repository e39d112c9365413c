import { expect, type Page } from "@playwright/test";

/**
 * Page object for /sign-in: connect the injected "Test Wallet" (EIP-6963) and sign the EIP-4361
 * message. `expectSuccess: false` leaves the page on the failure state for the caller to inspect.
 */
export async function signInWithTestWallet(page: Page, opts: { next?: string; expectSuccess?: boolean } = {}) {
  await page.goto(opts.next ? `/sign-in?next=${encodeURIComponent(opts.next)}` : "/sign-in");
  await page.getByRole("button", { name: "Connect a wallet" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
  await dialog.getByRole("button", { name: /Test Wallet/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (opts.expectSuccess === false) return;
  // Every journey shares one IP, and so the per-IP sign-in limit (20 a minute). When the page says to wait, the
  // helper waits the seconds it names and tries again, as a person would — the limit itself is tested elsewhere.
  const limited = page.getByText(/Too many attempts in a short time/);
  for (let attempt = 0; attempt < 3; attempt++) {
    await expect
      .poll(async () => !/\/sign-in/.test(page.url()) || (await limited.isVisible()), { timeout: 30_000 })
      .toBe(true);
    if (!/\/sign-in/.test(page.url()) || !(await limited.isVisible())) break;
    const seconds = Number(/try again in (\d+) second/.exec((await limited.textContent()) ?? "")?.[1] ?? 60);
    await page.waitForTimeout((seconds + 1) * 1000);
    await page.getByRole("button", { name: "Try again", exact: true }).click();
  }
  // Signed in: the page moves on to `next` (or the portfolio).
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("main").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
}
