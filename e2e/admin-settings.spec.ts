/**
 * Platform settings (issue 16): the admin opens /admin/settings from the console's navigation, sees each setting with
 * where it is enforced, changes the KYC validity period (a portal setting: refused in words outside 1–36 months,
 * saved and shown), and changes the Market's fee with the admin's own wallet: a fee above the contract's cap is
 * refused in words before any signature, the confirmation states the old and new fee and the recipient, the wallet
 * signs setFee and the page reads the new fee from the chain. Both are put back at the end (the fee also in afterAll,
 * straight on the contract, should the journey fail half-way): the market journey's amounts depend on the fee.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, createWalletClient, getAddress, http, parseAbi, type Address } from "viem";
import { foundry } from "viem/chains";
import { expectNoAxeViolations } from "./fixtures/axe";
import { accountOf, addressOf, ANVIL_URL, expect, test } from "./fixtures/wallet";
import { signedInAs, signingSince, submitSigned } from "./pages/admin-console";
import { E2E_DATA_DIR } from "./ports";

test.describe.configure({ mode: "serial" });

const marketAbi = parseAbi([
  "function fee() view returns (address feeRecipient, uint256 feeBps)",
  "function setFee(address feeRecipient_, uint16 feeBps_)",
]);
const market = () =>
  (JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as { market: Address })
    .market;
const chain = { ...foundry, rpcUrls: { default: { http: [ANVIL_URL] } } };
const publicClient = createPublicClient({ chain, transport: http(ANVIL_URL) });
const readFee = async () => {
  const [recipient, bps] = await publicClient.readContract({ address: market(), abi: marketAbi, functionName: "fee" });
  return { recipient: getAddress(recipient), bps: Number(bps) };
};

let original: { recipient: Address; bps: number } | null = null;

test.afterAll(async () => {
  if (!original) return;
  const now = await readFee();
  if (now.bps === original.bps && now.recipient === original.recipient) return;
  const wallet = createWalletClient({ chain, transport: http(ANVIL_URL), account: accountOf("admin") });
  const hash = await wallet.writeContract({
    address: market(),
    abi: marketAbi,
    functionName: "setFee",
    args: [original.recipient, original.bps],
  });
  await publicClient.waitForTransactionReceipt({ hash });
});

const pct = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, "") || "0"}%`;

test("the admin changes the KYC validity period and the market fee, each refused in words out of bounds", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  original = await readFee();
  const { page, log } = await signedInAs(browser, "admin", "/admin");

  // 1. From the console's navigation to the settings: each setting says where it is enforced.
  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const fee = page.getByRole("region", { name: "Market fee and recipient" });
  const kyc = page.getByRole("region", { name: "KYC validity period" });
  const rules = page.getByRole("region", { name: "Default token rules offered to issuers" });
  const token = page.getByRole("region", { name: "Payment token" });
  await expect(fee).toContainText("On-chain: Market contract");
  await expect(kyc).toContainText("Portal");
  await expect(rules).toContainText("On-chain: each token's rules");
  await expect(token).toContainText("fixed per deployment");
  await expect(token).toContainText("HKD");
  await expect(fee.getByTestId("market-fee")).toHaveText(pct(original.bps));
  await expect(fee).toContainText(original.recipient);
  await expectNoAxeViolations(page);

  // 2. KYC validity: out of bounds refused in words, then 24 months saved and shown.
  await expect(kyc.getByTestId("kyc-validity")).toHaveText("12 months");
  await kyc.getByLabel("Validity (months)").fill("40");
  await kyc.getByRole("button", { name: "Save the validity period" }).click();
  await expect(kyc.getByRole("alert")).toContainText("Enter a whole number of months from 1 to 36.");
  await expect(kyc.getByTestId("kyc-validity")).toHaveText("12 months");
  await expectNoAxeViolations(page);
  await kyc.getByLabel("Validity (months)").fill("24");
  await kyc.getByRole("button", { name: "Save the validity period" }).click();
  await expect(kyc.getByText("Saved. New approvals and renewals use the new period.")).toBeVisible();
  await expect(kyc.getByTestId("kyc-validity")).toHaveText("24 months");
  await expect(kyc).toContainText(`by ${addressOf("admin")}`);
  await expect(kyc).toContainText("Approvals already given keep their expiry.");

  // 3. The fee: above the contract's cap refused in words before the wallet is asked for anything.
  const newBps = original.bps === 75 ? 80 : 75;
  const recipient = addressOf("sarah");
  await fee.getByRole("button", { name: "Change the fee" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the market fee" });
  const before = log.length;
  await dialog.getByLabel("New fee (%)").fill("1.5");
  await dialog.getByRole("button", { name: "Review the change" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The Market contract caps the fee at 1% (100 basis points).");
  expect(signingSince(log, before)).toEqual([]);
  await expectNoAxeViolations(page);

  // 4. The confirmation states the old and new fee and the recipient (checksummed); the admin's wallet signs.
  await dialog.getByLabel("New fee (%)").fill(String(newBps / 100));
  await dialog.getByLabel("Fee recipient").fill(recipient.toLowerCase());
  await dialog.getByRole("button", { name: "Review the change" }).click();
  const confirm = dialog.getByTestId("fee-confirm");
  await expect(confirm).toContainText(`The market fee changes from ${pct(original.bps)} to ${pct(newBps)}.`);
  await expect(confirm).toContainText(recipient);
  await expect(confirm).toContainText("applies to trades from the next block");
  await expectNoAxeViolations(page);
  await submitSigned(page, "Sign the fee change");
  await expect(page.getByText(`The market fee is now ${pct(newBps)}`)).toBeVisible({ timeout: 60_000 });
  expect(log.slice(before).some((r) => r.method === "eth_sendTransaction")).toBe(true);
  await expect(fee.getByTestId("market-fee")).toHaveText(pct(newBps));
  await expect(fee).toContainText(recipient);
  expect(await readFee()).toEqual({ recipient, bps: newBps });

  // 5. Put both back (the market journey's amounts depend on the fee), the fee again signed by the admin's wallet.
  await fee.getByRole("button", { name: "Change the fee" }).click();
  await dialog.getByLabel("New fee (%)").fill(String(original.bps / 100));
  await dialog.getByLabel("Fee recipient").fill(original.recipient);
  await dialog.getByRole("button", { name: "Review the change" }).click();
  await expect(dialog.getByTestId("fee-confirm")).toContainText(`from ${pct(newBps)} to ${pct(original.bps)}`);
  await submitSigned(page, "Sign the fee change");
  await expect(fee.getByTestId("market-fee")).toHaveText(pct(original.bps), { timeout: 60_000 });
  expect(await readFee()).toEqual(original);
  await kyc.getByLabel("Validity (months)").fill("12");
  await kyc.getByRole("button", { name: "Save the validity period" }).click();
  await expect(kyc.getByTestId("kyc-validity")).toHaveText("12 months");
});

test("the settings page and its actions are refused to anyone but the admin", async ({ browser }) => {
  const grace = await signedInAs(browser, "grace", "/compliance");
  await grace.page.goto("/admin/settings");
  await expect(grace.page.getByRole("heading", { level: 1, name: "This page is not on the wall." })).toBeVisible();
});

test("screenshots of the settings page at 1280 and 375 px", async ({ browser }) => {
  const { page } = await signedInAs(browser, "admin", "/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`admin-settings-${width}.png`), fullPage: true });
  }
  await expectNoAxeViolations(page);
});
