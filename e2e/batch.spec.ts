/**
 * Batch freeze from the holder register (issue 19 item 13): marcus (compliance officer, anvil #2) ticks two holders
 * of Still Life with Lychees (SLL: alice 140, david 200, mei 60; no other journey acts on it), previews every row,
 * signs one transaction and sees both frozen in the register; then releases them from a pasted list, where a bad
 * line is refused in words first. axe on the register and on the preview.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

test.describe.configure({ mode: "serial" });

const row = (page: Page, wallet: string) =>
  page.getByRole("table").first().locator(`tr[data-wallet="${wallet.toLowerCase()}"]`);

async function signAndFinish(page: Page) {
  const dialog = page.getByRole("dialog", { name: /^Batch freeze or unfreeze/ });
  const connect = dialog.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
  await dialog.getByRole("button", { name: /^Sign one transaction for 2 rows/ }).click();
  await expect(dialog.getByTestId("agent-step")).toContainText("Done and recorded in the audit log.", {
    timeout: 45_000,
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

test("an officer batch-freezes two holders after a preview of every row; a pasted list releases them", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, "marcus");
  await signInWithTestWallet(page, { next: "/compliance/tokens" });
  await page.getByRole("link", { name: "Still Life with Lychees" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Still Life with Lychees/ })).toBeVisible();
  const [alice, david] = [addressOf("alice"), addressOf("david")];
  await expect(row(page, alice)).toContainText("Alice Cheung");
  // The token's role history: its first owner (the issuer), set when the token was created.
  const roles = page.getByTestId("token-roles");
  await expect(roles.getByRole("heading", { name: "Roles" })).toBeVisible();
  await expect(roles.getByRole("row").filter({ hasText: "Token created" })).toContainText("Became owner");
  await expectNoAxeViolations(page, { label: "register with batch selection" });

  // Tick two holders with the keyboard (Space on the focused checkbox) and with a click.
  const aliceBox = page.getByRole("checkbox", { name: /^Select Alice Cheung/ });
  await aliceBox.focus();
  await page.keyboard.press("Space");
  await expect(aliceBox).toBeChecked();
  await page.getByRole("checkbox", { name: /^Select David Wong/ }).check();

  await page.getByRole("button", { name: "Batch freeze or unfreeze" }).click();
  const dialog = page.getByRole("dialog", { name: /^Batch freeze or unfreeze · SLL/ });
  await dialog.getByRole("radio", { name: "Freeze a number of shares" }).check();
  await expect(dialog.getByRole("radio", { name: "The 2 holders ticked in the register" })).toBeChecked();
  await dialog.getByLabel("Shares for each holder").fill("5");
  await dialog.getByLabel("Reason").fill("Estate dispute, order HCMP 77/2026");
  await dialog.getByRole("button", { name: "Preview every row" }).click();

  const preview = dialog.getByTestId("batch-preview");
  await expect(preview.locator(`tr[data-wallet="${alice.toLowerCase()}"]`)).toContainText(
    /Alice Cheung.*140.*None.*5 shares/,
  );
  await expect(preview.locator(`tr[data-wallet="${david.toLowerCase()}"]`)).toContainText(
    /David Wong.*200.*None.*5 shares/,
  );
  await expect(dialog.getByTestId("batch-summary")).toContainText(
    "Freeze shares of 2 holders on SLL in one transaction",
  );
  await expectNoAxeViolations(page, { label: "batch preview" });
  await signAndFinish(page);

  // The register shows both frozen, without a reload.
  await expect(row(page, alice).locator('[data-col="frozen"]')).toContainText("5 frozen");
  await expect(row(page, david).locator('[data-col="frozen"]')).toContainText("5 frozen");

  // Release them from a pasted list: a bad line is refused in words, never rewritten.
  await page.getByRole("button", { name: "Batch freeze or unfreeze" }).click();
  await dialog.getByRole("radio", { name: "Release frozen shares" }).check();
  await dialog.getByRole("radio", { name: "A pasted list" }).check();
  const list = dialog.getByLabel("List of holders");
  await list.fill(`${alice},5\n${david},2.5`);
  await dialog.getByLabel("Reason").fill("Order discharged");
  await dialog.getByRole("button", { name: "Preview every row" }).click();
  await expect(dialog).toContainText("Line 2: Enter a whole number of shares, without a decimal point.");
  // The refusal takes focus: the error summary is focused (and announced), not only shown.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("[data-error-summary]"))).toBe(true);
  await expect(dialog.getByTestId("batch-preview")).toHaveCount(0);
  await list.fill(`${alice},5\n${david},5`);
  await dialog.getByRole("button", { name: "Preview every row" }).click();
  await expect(dialog.getByTestId("batch-preview").locator(`tr[data-wallet="${david.toLowerCase()}"]`)).toContainText(
    /David Wong.*200.*5 shares.*None/,
  );
  await signAndFinish(page);
  await expect(row(page, alice).locator('[data-col="frozen"]')).not.toContainText("frozen");
  await expect(row(page, david).locator('[data-col="frozen"]')).not.toContainText("frozen");

  // One audit entry for the batch, with the officer's reason.
  await page.goto("/compliance/audit?action=token.batch_shares_freeze");
  await expect(
    page.getByRole("table").getByRole("row").filter({ hasText: "Estate dispute, order HCMP 77/2026" }),
  ).toHaveCount(1);
  await context.close();
});

test("the issuer sees its token's role history on its listing page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, "lumen");
  await signInWithTestWallet(page, { next: "/issuer" });
  await page
    .getByRole("link", { name: /Still Life with Lychees/ })
    .first()
    .click();
  const roles = page.getByTestId("token-roles");
  await expect(roles.getByRole("heading", { name: "Roles" })).toBeVisible();
  const created = roles.getByRole("row").filter({ hasText: "Token created" });
  await expect(created).toContainText("Owner (administrator)");
  await expect(created).toContainText("Became owner");
  await expect(created).toContainText(/HKT/);
  await expectNoAxeViolations(page, { label: "issuer listing with roles" });
  await context.close();
});
