/**
 * Batch freeze from the holder register (issue 19 item 13): marcus (compliance officer, anvil #2) ticks two holders
 * of Still Life with Lychees (SLL: alice 140, david 200, mei 60; no other journey acts on it), previews every row,
 * signs one transaction and sees both frozen in the register; then releases them from a pasted list, where a bad
 * line is refused in words first. axe on the register and on the preview.
 */
import type { Browser, Page } from "@playwright/test";
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

async function connectIfAsked(page: Page, dialog: ReturnType<Page["getByRole"]>) {
  const connect = dialog.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
}

async function openSll(browser: Browser, key: "grace" | "marcus"): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, key);
  await signInWithTestWallet(page, { next: "/compliance/tokens" });
  await page.getByRole("link", { name: "Still Life with Lychees" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Still Life with Lychees/ })).toBeVisible();
  return page;
}

const sharesOf = async (page: Page, wallet: string) =>
  Number((await row(page, wallet).locator('[data-col="shares"]').innerText()).replace(/[^\d]/g, ""));

/** Screenshots of the new dialogs for review, when E2E_SHOTS names a folder. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: false });
}

test("a batch forced transfer: one officer proposes two rows after a preview, cannot execute it, a second officer re-checks and executes", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const [alice, david, mei, tom] = [addressOf("alice"), addressOf("david"), addressOf("mei"), addressOf("tom")];
  const grace = await openSll(browser, "grace");
  const before = {
    alice: await sharesOf(grace, alice),
    david: await sharesOf(grace, david),
    mei: await sharesOf(grace, mei),
  };

  // The ticked holders become the senders of new rows; the officer completes each row.
  await grace.getByRole("checkbox", { name: /^Select Alice Cheung/ }).check();
  await grace.getByRole("button", { name: "Batch forced transfer" }).click();
  const dialog = grace.getByRole("dialog", { name: "Propose a batch forced transfer · SLL" });
  await dialog.getByRole("button", { name: "Add the holders ticked in the register" }).click();
  const list = dialog.getByLabel("Rows to move");
  await expect(list).toHaveValue(`${alice},`);
  await dialog.getByLabel("Reason").fill("Court order HCMP 101/2026");
  await dialog.getByRole("button", { name: "Preview every row" }).click();
  await expect(dialog).toContainText("Line 1: the receiving wallet is missing or is not a wallet address");
  await expect.poll(() => grace.evaluate(() => !!document.activeElement?.closest("[data-error-summary]"))).toBe(true);

  // A receiver the token refuses: the whole batch is refused with that row's reason, in words; nothing to sign.
  await list.fill(`${alice},${tom},5\n${david},${mei},10`);
  await dialog.getByRole("button", { name: "Preview every row" }).click();
  const preview = dialog.getByTestId("transfer-preview");
  await expect(preview.locator('tr[data-row="1"] [data-col="check"]')).toContainText(
    "Refused: the receiving wallet is not verified",
  );
  await expect(preview.locator('tr[data-row="2"] [data-col="check"]')).toContainText("Allowed");
  await expect(dialog).toContainText("1 row would be refused");
  await connectIfAsked(grace, dialog);
  await expect(dialog.getByRole("button", { name: "Sign the proposal with my wallet" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Back" }).click();

  await list.fill(`${alice},${mei},10\n${david},${mei},10`);
  await dialog.getByRole("button", { name: "Preview every row" }).click();
  await expect(preview.locator('tr[data-row="1"]')).toContainText(
    /Alice Cheung.*holds.*Mei Chan.*verified.*10.*Allowed/,
  );
  await expect(preview.locator('tr[data-row="2"]')).toContainText(/David Wong.*Mei Chan.*10.*Allowed/);
  const confirm = dialog.getByTestId("transfer-confirm");
  await expect(confirm).toContainText(/10 SLL shares from Alice Cheung \(0x.+\) to Mei Chan \(0x.+\)/);
  await expect(confirm).toContainText("In all 20 SLL shares in 2 rows");
  await expect(confirm).toContainText(
    "nothing moves until a second compliance officer checks every row and executes it",
  );
  await expectNoAxeViolations(grace, { label: "batch forced transfer preview" });
  await shot(grace, "propose-1280");
  await dialog.getByRole("button", { name: "Sign the proposal with my wallet" }).click();
  await expect(dialog.getByTestId("agent-step")).toContainText("Done and recorded in the audit log.", {
    timeout: 45_000,
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  // Proposed only: the rows are listed from the proposal's calldata; grace is told why she cannot execute it.
  const proposal = grace.locator("[data-proposal]").filter({ hasText: "batch forced transfer" });
  await expect(proposal.getByTestId("proposal-rows")).toContainText(/10 SLL shares from Alice Cheung .* to Mei Chan/);
  await expect(proposal.getByTestId("own-proposal-note")).toContainText(
    "the chain accepts its execution only from a different compliance officer",
  );
  await expect(proposal.getByRole("button", { name: /^Review and execute proposal/ })).toHaveCount(0);
  expect(await sharesOf(grace, alice)).toBe(before.alice);
  await grace.context().close();

  // Marcus reviews the rows read from the proposal, checked again against the chain, and executes.
  const marcus = await openSll(browser, "marcus");
  const pending = marcus.locator("[data-proposal]").filter({ hasText: "batch forced transfer" });
  await pending.getByRole("button", { name: /^Review and execute proposal \d+/ }).click();
  const review = marcus.getByRole("dialog", { name: /^Review proposal \d+ · batch forced transfer/ });
  const rows = review.getByTestId("transfer-preview");
  await expect(rows.locator('tr[data-row="1"]')).toContainText(/Alice Cheung.*Mei Chan.*10.*Allowed/);
  await expect(rows.locator('tr[data-row="2"]')).toContainText(/David Wong.*Mei Chan.*10.*Allowed/);
  await expect(review).toContainText(/Proposed by 0x/);
  await review.getByLabel("Reason").fill("Checked HCMP 101/2026 against the register");
  await expectNoAxeViolations(marcus, { label: "batch forced transfer review" });
  await shot(marcus, "review-1280");
  await marcus.setViewportSize({ width: 375, height: 812 });
  await shot(marcus, "review-375");
  await marcus.setViewportSize({ width: 1280, height: 900 });
  await connectIfAsked(marcus, review);
  await review.getByRole("button", { name: "Execute with my wallet" }).click();
  await expect(review.getByTestId("agent-step")).toContainText("Done and recorded in the audit log.", {
    timeout: 45_000,
  });
  await review.getByRole("button", { name: "Done" }).click();
  await expect(review).toBeHidden();
  await expect.poll(() => sharesOf(marcus, alice)).toBe(before.alice - 10);
  expect(await sharesOf(marcus, david)).toBe(before.david - 10);
  expect(await sharesOf(marcus, mei)).toBe(before.mei + 20);

  // Both steps audited, each with its officer's reason.
  await marcus.goto("/compliance/audit?action=enforcement.propose");
  await expect(marcus.getByRole("table").getByRole("row").filter({ hasText: "Court order HCMP 101/2026" })).toHaveCount(
    1,
  );
  await marcus.goto("/compliance/audit?action=token.batch_forced_transfer");
  await expect(
    marcus.getByRole("table").getByRole("row").filter({ hasText: "Checked HCMP 101/2026 against the register" }),
  ).toHaveCount(1);
  await marcus.context().close();
});

test("a phone shows the batch forced transfer preview", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await installWallet(page, "grace");
  await signInWithTestWallet(page, { next: "/compliance/tokens" });
  await page.getByRole("link", { name: "Still Life with Lychees" }).click();
  // The register page fits the phone (its wide holder table scrolls inside its own box).
  await expect(page.getByRole("button", { name: "Batch forced transfer" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole("button", { name: "Batch forced transfer" }).click();
  const dialog = page.getByRole("dialog", { name: "Propose a batch forced transfer · SLL" });
  await dialog.getByLabel("Rows to move").fill(`${addressOf("mei")},${addressOf("alice")},1`);
  await dialog.getByLabel("Reason").fill("Phone layout check");
  await dialog.getByRole("button", { name: "Preview every row" }).click();
  await expect(dialog.getByTestId("transfer-preview")).toContainText("Allowed");
  // The dialog and every part of it fit the screen (nothing of it reaches past 375 px).
  const box = await dialog.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  const past = await dialog.evaluate((d) =>
    [d, ...d.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > 376)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`),
  );
  expect(past, past.join("\n")).toEqual([]);
  // And the page under it does not scroll sideways: visually hidden text in the wide tables stays in their scroll
  // boxes (it used to escape them and widen the document to 517 px).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, "propose-375");
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
