/**
 * Distributions (issue 15), the issuer's and compliance's side: lumen pays income to the holders of Still Life with
 * Lychees (sold out in the seed). A mistyped amount is refused beside its field and kept as typed; the plan shows the
 * holders, amounts, total and dust before anything is signed; two wallet steps (approve, create) later the
 * distribution is listed from the indexer. Then compliance (grace, a registry agent) holds its claims with a reason.
 */
import type { Browser, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { expect, installWallet, test, type DemoKey, type WalletLog } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const sends = (log: WalletLog) => log.filter((r) => r.method === "eth_sendTransaction").length;

async function as(browser: Browser, who: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, who);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

async function connectIfAsked(page: Page) {
  const connect = page.getByRole("main").getByRole("button", { name: "Connect wallet" }).first();
  if (await connect.isVisible()) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
}

test.describe.configure({ mode: "serial" });

let token = "";

test("an issuer previews an income distribution, signs it, and sees it listed", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, log } = await as(browser, "lumen", "/issuer");
  await page
    .getByRole("link", { name: /Still Life with Lychees/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/issuer\/artworks\/[0-9a-f-]{36}$/);
  const section = page.getByRole("region", { name: "Distributions" });
  const form = section.getByRole("form", { name: "New distribution" });
  await form.getByLabel("Kind").selectOption({ label: "Income" });

  // Refused beside the field, kept as typed; nothing is planned.
  await form.getByLabel("Amount (HKD)").fill("1,000.005");
  await form.getByRole("button", { name: "Prepare the distribution" }).click();
  await expect(form.getByLabel("Amount (HKD)")).toHaveAccessibleDescription(/cents|decimal/i);
  await expect(form.getByLabel("Amount (HKD)")).toHaveValue("1,000.005");
  await expect(section.getByTestId("distribution-preview")).toHaveCount(0);

  await form.getByLabel("Amount (HKD)").fill("1,000.00");
  await form.getByLabel("Claim window (days)").fill("30");
  await form.getByRole("button", { name: "Prepare the distribution" }).click();

  // The preview, before any signature.
  const preview = section.getByTestId("distribution-preview");
  await expect(preview.getByRole("heading", { name: "Check before signing" })).toBeVisible();
  await expect(preview.getByText("HK$1,000.00").first()).toBeVisible();
  const holders = preview.getByRole("table", { name: "Holders at the record block and their entitlements" });
  await expect(holders.getByRole("row")).not.toHaveCount(1);
  await expect(preview.getByText(/Left over by rounding/)).toBeVisible();
  await expect(preview.getByText(/HKT$/)).toBeVisible();
  expect(sends(log)).toBe(0);
  const documentHref = await preview.getByRole("link", { name: "Open the tree document" }).getAttribute("href");
  const doc = (await (await page.request.get(documentHref!)).json()) as { token: string };
  token = doc.token;
  await expectNoAxeViolations(page, { label: "issuer distribution preview" });

  await connectIfAsked(page);
  await preview.getByRole("button", { name: /^Approve and create/ }).click();
  await expect(preview.getByTestId("distribution-create-status")).toContainText("Distribution created", {
    timeout: 60_000,
  });
  expect(sends(log)).toBe(2);

  // Listed once the indexer has it: claimed nothing yet, open.
  const list = section.getByTestId("issuer-distributions");
  await expect
    .poll(
      async () => {
        await page.reload();
        return list.getByRole("row").count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(1);
  const row = list.getByRole("row").nth(1);
  await expect(row).toContainText("Income");
  await expect(row).toContainText("Open");
  await expect(row).toContainText(/HK\$0\.00.*HK\$1,000\.00/);
});

test("compliance holds the distribution's claims with a reason", async ({ browser }) => {
  test.setTimeout(120_000);
  expect(token).toMatch(/^0x[0-9a-fA-F]{40}$/);
  const { page, log } = await as(browser, "grace", `/compliance/tokens/${token}`);
  const section = page.getByRole("region", { name: "Distributions" });
  const table = section.getByTestId("compliance-distributions");
  await expect(table.getByRole("row").nth(1)).toContainText("Open");
  await connectIfAsked(page);
  await table.getByRole("button", { name: "Hold claims" }).first().click();
  const dialog = page.getByRole("dialog", { name: /Hold claims of distribution/ });
  await dialog.getByRole("button", { name: "Hold claims" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/5 to 500 characters/);
  await dialog.getByLabel("Reason").fill("Court order HCMP 1234/2026: pause payments");
  await dialog.getByRole("button", { name: "Hold claims" }).click();
  await expect(section.getByText("Claims are held.")).toBeVisible({ timeout: 60_000 });
  expect(sends(log)).toBe(1);
  await expect
    .poll(
      async () => {
        await page.reload();
        return table.getByRole("row").nth(1).textContent();
      },
      { timeout: 30_000 },
    )
    .toMatch(/Held by compliance.*Court order HCMP 1234\/2026/);
});
