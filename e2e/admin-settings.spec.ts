/**
 * Platform settings (issue 16): the admin opens /admin/settings from the console's navigation, sees each setting with
 * where it is enforced, changes the KYC validity period (a portal setting: refused in words outside 1–36 months,
 * saved and shown), and changes the Market's fee with the admin's own wallet: a fee above the contract's cap is
 * refused in words before any signature, the confirmation states the old and new fee and the recipient, the wallet
 * signs setFee and the page reads the new fee from the chain. Both are put back at the end (the fee also in afterAll,
 * straight on the contract, should the journey fail half-way): the market journey's amounts depend on the fee. Then a
 * trade out of a bid accrues a fee in the market and the admin pays it out to the recipient with the wallet.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, createWalletClient, getAddress, http, parseAbi, parseEventLogs, type Address } from "viem";
import { foundry } from "viem/chains";
import { expectNoAxeViolations } from "./fixtures/axe";
import { accountOf, addressOf, ANVIL_URL, expect, test } from "./fixtures/wallet";
import { signedInAs, signingSince, submitSigned } from "./pages/admin-console";
import { E2E_DATA_DIR } from "./ports";

test.describe.configure({ mode: "serial" });

const marketAbi = parseAbi([
  "function fee() view returns (address feeRecipient, uint256 feeBps)",
  "function setFee(address feeRecipient_, uint16 feeBps_)",
  "function accruedFees() view returns (uint256)",
  "function placeBid(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps) returns (uint256, uint256)",
  "function fill(uint256 orderId, uint256 shares, uint256 priceLimit, uint256 maxFeeBps)",
  "event OrderPlaced(uint256 indexed orderId, address indexed maker, address indexed token, uint8 side, uint256 shares, uint256 price, uint256 expiresAt)",
]);
const erc20Abi = parseAbi([
  "function approve(address, uint256) returns (bool)",
  "function allowance(address, address) view returns (uint256)",
  "function balanceOf(address) view returns (uint256)",
  "function symbol() view returns (string)",
]);
const factoryAbi = parseAbi([
  "function tokenCount() view returns (uint256)",
  "function tokens(uint256 offset, uint256 limit) view returns (address[])",
]);
const deployments = () =>
  JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    market: Address;
    paymentToken: Address;
    shareTokenFactory: Address;
  };
const market = () => deployments().market;
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

/** HK$ to the cent, as the page shows an amount held (cut at the cent, never rounded up). */
const hkd = (units: bigint) =>
  `HK$${(Number(units / 10_000n) / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test("a trade out of a bid accrues a fee; the admin pays it out to the recipient with the wallet", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { paymentToken, shareTokenFactory } = deployments();
  // A bid by alice for 2 QMTN at HK$5 (below every seeded ask: it rests), filled by david, a holder: the 0.5 % fee
  // of HK$10 comes out of the bid's escrow and stays in the market.
  const count = await publicClient.readContract({
    address: shareTokenFactory,
    abi: factoryAbi,
    functionName: "tokenCount",
  });
  const tokens = await publicClient.readContract({
    address: shareTokenFactory,
    abi: factoryAbi,
    functionName: "tokens",
    args: [0n, count],
  });
  let token: Address | undefined;
  for (const t of tokens)
    if ((await publicClient.readContract({ address: t, abi: erc20Abi, functionName: "symbol" })) === "QMTN") token = t;
  if (!token) throw new Error("no QMTN token in the seed");
  // The dev node unlocks its accounts: alice and david send straight to it.
  const as = (who: "alice" | "david") =>
    createWalletClient({ chain, transport: http(ANVIL_URL), account: addressOf(who) });
  const send = async (sent: Promise<`0x${string}`>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await sent });
    expect(receipt.status).toBe("success");
    return receipt;
  };
  const price = 5_000_000n;
  const now = (await publicClient.getBlock()).timestamp;
  await send(
    as("alice").writeContract({
      address: paymentToken,
      abi: erc20Abi,
      functionName: "approve",
      args: [market(), 10n ** 15n],
    }),
  );
  const placed = await send(
    as("alice").writeContract({
      address: market(),
      abi: marketAbi,
      functionName: "placeBid",
      args: [token, 2n, price, now + 86_400n, 100n],
    }),
  );
  const [bid] = parseEventLogs({ abi: marketAbi, logs: placed.logs, eventName: "OrderPlaced" });
  const orderId = bid!.args.orderId;
  const allowance = await publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "allowance",
    args: [addressOf("david"), market()],
  });
  await send(
    as("david").writeContract({
      address: token,
      abi: erc20Abi,
      functionName: "approve",
      args: [market(), allowance + 2n],
    }),
  );
  const accruedBefore = await publicClient.readContract({
    address: market(),
    abi: marketAbi,
    functionName: "accruedFees",
  });
  await send(
    as("david").writeContract({
      address: market(),
      abi: marketAbi,
      functionName: "fill",
      args: [orderId, 2n, price, 100n],
    }),
  );
  const accrued = await publicClient.readContract({ address: market(), abi: marketAbi, functionName: "accruedFees" });
  expect(accrued - accruedBefore).toBe((2n * price * BigInt((await readFee()).bps)) / 10_000n);
  const { recipient } = await readFee();
  const balanceOf = () =>
    publicClient.readContract({ address: paymentToken, abi: erc20Abi, functionName: "balanceOf", args: [recipient] });
  const recipientBefore = await balanceOf();

  // The settings page shows the amount beside the fee and recipient; the confirmation says what happens.
  const { page, log } = await signedInAs(browser, "admin", "/admin/settings");
  const fee = page.getByRole("region", { name: "Market fee and recipient" });
  await expect(fee.getByTestId("accrued-fees")).toHaveText(hkd(accrued));
  await fee.getByRole("button", { name: "Pay out to the recipient" }).click();
  const dialog = page.getByRole("dialog", { name: "Pay out the accrued fees" });
  const confirm = dialog.getByTestId("payout-confirm");
  await expect(confirm).toContainText(`The whole accrued amount, ${hkd(accrued)}, goes to the fee recipient:`);
  await expect(confirm).toContainText(recipient);
  await expect(confirm).toContainText("Anyone may trigger this payout");
  await expect(confirm).toContainText("Nothing else changes");
  await expectNoAxeViolations(page);
  const before = log.length;
  await submitSigned(page, "Sign the payout");
  await expect(page.getByText(`${hkd(accrued)} was paid to the fee recipient`)).toBeVisible({ timeout: 60_000 });
  expect(log.slice(before).some((r) => r.method === "eth_sendTransaction")).toBe(true);

  // 0 accrued, the button disabled with the reason, and the recipient's HKD went up by the amount.
  await expect(fee.getByTestId("accrued-fees")).toHaveText("HK$0.00");
  const button = fee.getByRole("button", { name: "Pay out to the recipient" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription("Nothing has accrued, so there is nothing to pay out.");
  expect(await publicClient.readContract({ address: market(), abi: marketAbi, functionName: "accruedFees" })).toBe(0n);
  expect((await balanceOf()) - recipientBefore).toBe(accrued);
  await expectNoAxeViolations(page);
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
