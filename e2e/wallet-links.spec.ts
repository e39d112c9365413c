/**
 * Linking a second wallet (issue 5 §4): alice (verified, HK) proves control of both wallets by signing with each —
 * switching accounts in her wallet app between the two — then grace registers the link on-chain from her own
 * wallet. Afterwards the new wallet is verified on-chain as alice's. Investors reach no part of the review.
 * Then (issue 19): a wallet of another investor is refused before it signs; alice asks to unlink a wallet (refused
 * while it holds shares, executed by grace once empty); a wallet grace names from the console needs its own signature
 * and marcus's registration. Accounts: alice (#11), her second wallet (#14), the invited wallet (#18).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { type Address, encodeFunctionData, type Hex, parseAbi } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import {
  DEV_MNEMONIC,
  addressOf,
  expect,
  installWallet,
  switchAccount,
  test,
  type DemoKey,
  rpc,
  type WalletLog,
} from "./fixtures/wallet";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_ORIGIN } from "./ports";

test.describe.configure({ mode: "serial" });

/** A dev account no seeded person and no other journey uses. */
const NEW_WALLET_INDEX = 14;
const newWallet = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: NEW_WALLET_INDEX }).address;

const registryAbi = parseAbi(["function investorOf(address wallet) view returns (bytes32)"]);
const deployments = (): { identityRegistry: Address } =>
  JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    identityRegistry: Address;
  };

async function as(browser: Browser, key: DemoKey, next: string): Promise<{ page: Page; log: WalletLog }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  const log = await installWallet(page, key);
  await signInWithTestWallet(page, { next });
  return { page, log };
}

async function connectIfAsked(page: Page, scope = page.locator("main")) {
  const connect = scope.getByRole("button", { name: /^Connect (wallet|the new wallet)$/ });
  if (await connect.first().isVisible()) {
    await connect.first().click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
}

test("alice links a second wallet with a signature from each, and grace registers it on-chain", async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await as(browser, "alice", "/account/wallets");
  const page = alice.page;
  await expect(page.getByRole("heading", { level: 1, name: "Your wallets" })).toBeVisible();
  const linked = page.getByRole("list", { name: "Linked wallets" });
  await expect(linked.getByRole("listitem")).toHaveCount(1);
  await expect(linked).toContainText("Verified on-chain");

  // Step 1: the signed-in wallet allows the link.
  await connectIfAsked(page);
  const signsBefore = alice.log.filter((r) => r.method === "personal_sign").length;
  await page.getByRole("button", { name: "Start: sign with this wallet" }).click();
  await expect(page.getByText("Signed. Your signed-in wallet allowed the link.")).toBeVisible();

  // Step 2: she switches her wallet app to the new wallet, which signs.
  await switchAccount(page, NEW_WALLET_INDEX);
  await expect(page.getByText("Ready to sign with")).toBeVisible();
  await page.getByRole("button", { name: "Sign with the new wallet" }).click();
  await expect(page.getByTestId("link-wallet")).toHaveAttribute("data-state", "submitted");
  await expect(page.getByText("Waiting for compliance")).toBeVisible();
  const signs = alice.log.filter((r) => r.method === "personal_sign").slice(signsBefore) as { params: unknown[] }[];
  expect(signs).toHaveLength(2);
  expect(String(signs[1]!.params[1]).toLowerCase()).toBe(newWallet.toLowerCase());
  // No transaction was asked of the investor.
  expect(alice.log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(0);

  // An investor cannot reach the review.
  const res = await page.goto("/compliance/wallets");
  expect(res?.status()).toBe(404);

  // Grace approves from her own wallet.
  const grace = await as(browser, "grace", "/compliance/wallets");
  await expect(grace.page.getByRole("heading", { level: 1, name: "Wallet links" })).toBeVisible();
  const request = grace.page.locator("li[data-request]").filter({ hasText: "Alice Cheung" });
  await expect(request).toBeVisible();
  await connectIfAsked(grace.page, request);
  await request.getByRole("button", { name: "Approve and register on-chain" }).click();
  await expect(grace.page.getByText("Linked on-chain").first()).toBeVisible({ timeout: 45_000 });
  expect(grace.log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(1);

  // The audit log holds the approval with its transaction.
  await grace.page.goto("/compliance/audit?action=wallet_link.approve");
  await expect(
    grace.page
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: /wallet_link\.approve|Wallet link/i })
      .first(),
  ).toBeVisible();

  // Alice sees both wallets, the new one verified on-chain.
  await page.goto("/account/wallets");
  await expect(linked.getByRole("listitem")).toHaveCount(2);
  const added = linked.locator(`li[data-wallet="${newWallet.toLowerCase()}"]`);
  await expect(added).toContainText("Verified on-chain");
  await expect(page.getByText("Your last request was approved")).toBeVisible();
  await grace.page.context().close();
  await page.context().close();
});

test("a wallet linked to another investor is refused before it is asked to sign", async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await as(browser, "alice", "/account/wallets");
  const page = alice.page;
  await connectIfAsked(page);
  await page.getByRole("button", { name: "Start: sign with this wallet" }).click();
  await expect(page.getByText("Signed. Your signed-in wallet allowed the link.")).toBeVisible();

  // She switches her wallet app to a wallet that is Mei Chan's.
  const signsBefore = alice.log.filter((r) => r.method === "personal_sign").length;
  await switchAccount(page, "mei");
  await expect(page.getByText("Ready to sign with")).toBeVisible();
  await page.getByRole("button", { name: "Sign with the new wallet" }).click();
  await expect(
    page.getByText("That wallet is already linked to an investor, or waiting in another request."),
  ).toBeVisible();
  // Checked first: the wallet was never asked to sign.
  expect(alice.log.filter((r) => r.method === "personal_sign").length).toBe(signsBefore);

  // Back on her signed-in wallet, she withdraws the request.
  await switchAccount(page, "alice");
  await page.getByRole("button", { name: "Withdraw this request" }).click();
  await expect(page.getByRole("button", { name: "Start: sign with this wallet" })).toBeVisible();
  await page.context().close();
});

test("alice asks to unlink a wallet: refused while it holds shares, and grace executes the unlink of an empty one", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Signed in with her second wallet, she asks to unlink the first one, which holds shares.
  const second = await as(browser, "aliceSecond", "/account/wallets");
  const linked = second.page.getByRole("list", { name: "Linked wallets" });
  await expect(linked.getByRole("listitem")).toHaveCount(2);
  const first = linked.locator(`li[data-wallet="${addressOf("alice").toLowerCase()}"]`);
  await first.getByRole("button", { name: "Ask to unlink…" }).click();
  const dialog = second.page.getByRole("dialog", { name: "Unlink this wallet?" });
  await expect(dialog).toContainText("It will then no longer be verified");
  await dialog.getByRole("button", { name: "Ask compliance to unlink" }).click();
  await expect(dialog.getByRole("alert")).toContainText("This wallet cannot be unlinked yet");
  // The refusal takes focus: the error summary is focused (and announced), not only shown.
  await expect
    .poll(() => second.page.evaluate(() => !!document.activeElement?.closest("[data-error-summary]")))
    .toBe(true);
  await expect(
    dialog.getByRole("list", { name: "What this wallet still holds" }).getByRole("listitem").first(),
  ).toContainText(/\d+ shares? of /);
  await expectNoAxeViolations(second.page, { label: "unlink refused (dialog)" });
  await dialog.getByRole("button", { name: "Keep this wallet" }).click();
  // The signed-in wallet offers no unlink.
  await expect(
    linked.locator(`li[data-wallet="${newWallet.toLowerCase()}"]`).getByRole("button", { name: "Ask to unlink…" }),
  ).toHaveCount(0);
  await second.page.context().close();

  // Signed in with her first wallet, she asks to unlink the second, empty one.
  const alice = await as(browser, "alice", "/account/wallets");
  const secondRow = alice.page.locator(`li[data-wallet="${newWallet.toLowerCase()}"]`);
  await secondRow.getByRole("button", { name: "Ask to unlink…" }).click();
  await alice.page
    .getByRole("dialog", { name: "Unlink this wallet?" })
    .getByRole("button", { name: "Ask compliance to unlink" })
    .click();
  await expect(secondRow).toContainText("Unlink requested");

  // Grace: the console's unlink of the wallet that holds shares says what it holds and is refused.
  const grace = await as(browser, "grace", "/compliance/wallets");
  const request = grace.page.locator("li[data-unlink]").filter({ hasText: "Alice Cheung" });
  await expect(request).toContainText("This wallet holds no shares and has no open orders.");
  await expectNoAxeViolations(grace.page, { label: "wallet links queue with an unlink request" });
  await request.getByRole("link", { name: "Alice Cheung" }).click();
  await expect(grace.page.getByRole("heading", { level: 1, name: "Alice Cheung" })).toBeVisible();
  await grace.page.getByRole("button", { name: "Actions for Alice Cheung" }).click();
  const act = grace.page.getByRole("dialog", { name: /^Act on / });
  await act.getByRole("radio", { name: "Unlink a wallet" }).check();
  await act.getByLabel("Wallet", { exact: true }).selectOption(addressOf("alice"));
  await act.getByLabel("Reason").fill("Investor asked to unlink");
  await act.getByRole("button", { name: "Review" }).click();
  await expect(act).toContainText(/still holds \d+ shares? of .+Unlinking is refused until the shares are moved/);
  await act.press("Escape");

  // The empty wallet: grace unlinks it on-chain from the queue.
  await grace.page.goto("/compliance/wallets");
  await connectIfAsked(grace.page, request);
  await request.getByRole("button", { name: "Unlink on-chain" }).click();
  await expect(grace.page.getByText("Unlinked and recorded in the audit log.")).toBeVisible({ timeout: 45_000 });

  await alice.page.goto("/account/wallets");
  await expect(alice.page.getByRole("list", { name: "Linked wallets" }).getByRole("listitem")).toHaveCount(1);
  await grace.page.context().close();
  await alice.page.context().close();
});

test("a wallet linked from the console needs its own signature and a second officer", async ({ browser }) => {
  test.setTimeout(180_000);
  const invitee = addressOf("invitee");
  const investorOf = async () =>
    rpc<Hex>("eth_call", [
      {
        to: deployments().identityRegistry,
        data: encodeFunctionData({ abi: registryAbi, functionName: "investorOf", args: [invitee] }),
      },
      "latest",
    ]);

  // Grace names a wallet for alice: nothing is linked, nothing is signed.
  const grace = await as(browser, "grace", "/compliance/wallets");
  await grace.page
    .locator("li[data-request]")
    .filter({ hasText: "Alice Cheung" })
    .first()
    .getByRole("link", { name: "Alice Cheung" })
    .click();
  await expect(grace.page.getByRole("heading", { level: 1, name: "Alice Cheung" })).toBeVisible();
  const form = grace.page.getByRole("region", { name: "Link a wallet" });
  const asksBefore = grace.log.length;
  await form.getByLabel("Wallet").fill(invitee);
  await form.getByRole("button", { name: "Ask this wallet to sign" }).click();
  await expect(form).toContainText("Request opened. It waits for");
  await expectNoAxeViolations(grace.page, { label: "investor page, link request opened" });
  expect(
    grace.log.slice(asksBefore).filter((r) => r.method === "eth_sendTransaction" || r.method === "personal_sign"),
  ).toHaveLength(0);
  expect(BigInt(await investorOf())).toBe(0n);
  // The request is not in the review queue until the wallet has signed.
  await grace.page.goto("/compliance/wallets");
  await expect(grace.page.locator("li[data-request]").filter({ hasText: "Opened by compliance officer" })).toHaveCount(
    0,
  );

  // The wallet's holder signs in with it and signs the statement.
  const holder = await as(browser, "invitee", "/account/wallets");
  const invitation = holder.page.getByTestId("link-invitation");
  await expect(invitation).toContainText("A compliance officer has asked to link this wallet");
  await expectNoAxeViolations(holder.page, { label: "link invitation" });
  await connectIfAsked(holder.page, invitation);
  await invitation.getByRole("button", { name: "Sign with this wallet" }).click();
  await expect(holder.page.getByText("Signed. Compliance will register the link on-chain")).toBeVisible();
  const signed = holder.log.filter((r) => r.method === "personal_sign") as { params: unknown[] }[];
  expect(String(signed.at(-1)!.params[1]).toLowerCase()).toBe(invitee.toLowerCase());
  await holder.page.context().close();

  // Grace opened it, so she cannot register it.
  await grace.page.reload();
  const request = grace.page.locator("li[data-request]").filter({ hasText: "Opened by compliance officer" });
  await expect(request).toBeVisible();
  await connectIfAsked(grace.page, request);
  await request.getByRole("button", { name: "Approve and register on-chain" }).click();
  await expect(request).toContainText("You opened this request, so another compliance officer must register it.");
  expect(grace.log.filter((r) => r.method === "eth_sendTransaction")).toHaveLength(0);
  await grace.page.context().close();

  // Marcus registers it.
  const marcus = await as(browser, "marcus", "/compliance/wallets");
  const row = marcus.page.locator("li[data-request]").filter({ hasText: "Opened by compliance officer" });
  await connectIfAsked(marcus.page, row);
  await row.getByRole("button", { name: "Approve and register on-chain" }).click();
  await expect(row).toContainText(/Linked and recorded in the audit log|Linked on-chain/, { timeout: 45_000 });
  expect(BigInt(await investorOf())).not.toBe(0n);
  await marcus.page.context().close();
});
