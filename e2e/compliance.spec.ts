/**
 * Compliance console (issue 8): grace (compliance agent) acts on tokens from her own wallet, through the holder
 * register, and every action lands in the audit log with its transaction. Investors and issuers reach nothing.
 * Forced transfers and recoveries take two officers (issue 13): grace proposes, marcus reviews the exact details
 * and executes; grace alone only sees that it waits for a second officer.
 *
 * Seed state used (scripts/seed/data.ts): mei holds 110 Quiet Mountains (QMTN, no lock-up) and 40 Harbour at Dusk
 * (HAD3, locked 30 days); david holds Quiet Mountains; alice is verified (HK) and may receive QMTN.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { encodeFunctionData, parseAbi, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { DEV_MNEMONIC, addressOf, expect, installWallet, rpc, test, type DemoKey } from "./fixtures/wallet";
import { expectNoAxeViolations } from "./fixtures/axe";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_DATA_DIR, E2E_DIST_DIR, E2E_ORIGIN } from "./ports";

test.describe.configure({ mode: "serial" });

const registryAbi = parseAbi([
  "function investorOf(address wallet) view returns (bytes32)",
  "function linkWallet(address wallet, bytes32 investorId)",
]);
const bidAbi = parseAbi([
  "function faucet(uint256 amount)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "function placeBid(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps)",
]);

function deployments(): { identityRegistry: Address; market: Address; paymentToken: Address } {
  return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as {
    identityRegistry: Address;
    market: Address;
    paymentToken: Address;
  };
}

/** Sends a transaction from an unlocked anvil dev account and waits for its success. */
async function sendAs(from: Address, to: Address, data: Hex) {
  const hash = await rpc<Hex>("eth_sendTransaction", [{ from, to, data }]);
  await expect
    .poll(async () => (await rpc<{ status: string } | null>("eth_getTransactionReceipt", [hash]))?.status)
    .toBe("0x1");
}

async function as(browser: Browser, key: DemoKey, next: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN });
  const page = await context.newPage();
  await installWallet(page, key);
  await signInWithTestWallet(page, { next });
  return page;
}

/** Opens a token's register from the register list. */
async function openRegister(page: Page, title: string): Promise<string> {
  await page.goto("/compliance/tokens");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();
  return page.url().replace(E2E_ORIGIN, "");
}

const row = (page: Page, wallet: string) =>
  page.getByRole("table").locator(`tr[data-wallet="${wallet.toLowerCase()}"]`);
const shares = async (page: Page, wallet: string) =>
  Number((await row(page, wallet).locator('[data-col="shares"]').innerText()).replace(/[^\d]/g, ""));

/** Runs one agent action through the dialog and waits until it is confirmed and audited. */
async function act(
  page: Page,
  who: string,
  action: string,
  fields: Record<string, string>,
  reason: string,
  expectConfirm: RegExp | string,
) {
  await page
    .getByRole("button", { name: `Actions for ${who}` })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: /^Act on / });
  // The dialog's code loads on the first press (a lazy island): wait for it before asking whether it offers a choice.
  await expect(dialog.getByLabel("Reason")).toBeVisible();
  if (await dialog.getByRole("radio").count()) await dialog.getByRole("radio", { name: action }).check();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("agent-confirm")).toContainText(expectConfirm);
  const connect = dialog.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
  await dialog.getByRole("button", { name: "Sign with my wallet" }).click();
  await expect(dialog.getByTestId("agent-step")).toContainText("Done and recorded in the audit log.", {
    timeout: 45_000,
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

/** The second officer reviews the oldest pending proposal (its exact details) and executes it. */
async function executeProposal(page: Page, reason: string, expectConfirm: RegExp | string, doneNote?: RegExp) {
  await page
    .getByRole("button", { name: /^Review and execute proposal \d+/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: /^Review proposal / });
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("agent-confirm")).toContainText(expectConfirm);
  const connect = dialog.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
  await dialog.getByRole("button", { name: "Sign with my wallet" }).click();
  await expect(dialog.getByTestId("agent-step")).toContainText("Done and recorded in the audit log.", {
    timeout: 45_000,
  });
  if (doneNote) await expect(dialog.getByTestId("agent-done-note")).toContainText(doneNote);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

/** The proposer sees its proposal waiting for a second officer, and no way to execute it. */
async function expectWaitingForSecondOfficer(page: Page) {
  await expect(page.getByText("You proposed this: waiting for a second officer").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Review and execute proposal/ })).toHaveCount(0);
}

test("an officer freezes a wallet; the investor's sell is refused with the reason; the audit log links the transaction", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const grace = await as(browser, "grace", "/compliance");
  await expect(grace.getByRole("heading", { level: 1, name: "Compliance overview" })).toBeVisible();
  // Kenji's KYC expired while he holds Quiet Mountains: an alert on the console home.
  // One alert for the investor, however many tokens he holds, naming the artwork beside its symbol.
  const kenji = grace.locator('[data-alert="kyc_expired"]').filter({ hasText: "Kenji Sato" });
  await expect(kenji).toHaveCount(1);
  await expect(kenji).toContainText(/shares? of Quiet Mountains \([A-Z0-9]+\)/);

  await openRegister(grace, "Quiet Mountains");
  const mei = addressOf("mei");
  await expect(row(grace, mei)).toContainText("Mei Chan");
  await act(
    grace,
    "Mei Chan",
    "Freeze wallet",
    {},
    "Court order HCMP 123/2026",
    /^Freeze 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4} \(Mei Chan\): Mei Chan will not be able to send or receive QMTN shares/,
  );
  await expect(row(grace, mei)).toContainText("Wallet frozen");

  const investor = await as(browser, "mei", "/artworks/quiet-mountains/trade");
  await investor.getByRole("radio", { name: "Sell", exact: true }).check();
  await investor.getByRole("radio", { name: "Place a limit order" }).check();
  await investor.getByLabel("Number of shares").fill("5");
  await investor.getByLabel(/price per share/i).fill("5000");
  await expect(investor.locator('[data-check="token"]')).toHaveAttribute("data-state", "failed");
  await expect(investor.locator('[data-check="token"]')).toContainText(/frozen/i);

  await grace.goto(`/compliance/audit?action=token.wallet_freeze`);
  const entry = grace.getByRole("table").getByRole("row").filter({ hasText: "Court order HCMP 123/2026" });
  await expect(entry).toBeVisible();
  // The action in words, its code beneath (the CSV keeps the code); the filter offers the words too.
  await expect(entry.getByRole("rowheader")).toContainText("Wallet frozen");
  await expect(entry.getByRole("rowheader")).toContainText("token.wallet_freeze");
  // The subject by the investor's name, not only an address.
  await expect(entry.getByRole("cell").nth(2)).toContainText("Mei Chan");
  // Details as readable lines, times labelled with their zone.
  await expect(entry).toContainText("frozen: yes");
  await expect(grace.getByRole("columnheader", { name: "Time (HKT)" })).toBeVisible();
  await expect(grace.getByLabel("Action", { exact: true }).locator("option:checked")).toHaveText("Wallet frozen");
  await expect(entry).toContainText(/0x[0-9a-f]{6}/);
  await expect(grace.getByText("Chain verified")).toBeVisible();

  // Lifting the freeze restores the investor's sell (and leaves the shared chain as other journeys expect it).
  await openRegister(grace, "Quiet Mountains");
  await act(
    grace,
    "Mei Chan",
    "Unfreeze wallet",
    {},
    "Court order discharged",
    /^Unfreeze 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4} \(Mei Chan\): Mei Chan will be able to send and receive QMTN shares again/,
  );
  // The register refreshes itself after the confirmation: no reload.
  await expect(row(grace, mei)).toContainText("Mei Chan");
  await expect(row(grace, mei)).not.toContainText("Wallet frozen");
  await investor.context().close();
  await grace.context().close();
});

test("a partial freeze and a forced transfer (proposed by one officer, executed by another) change the register", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const grace = await as(browser, "grace", "/compliance/tokens");
  await openRegister(grace, "Quiet Mountains");
  const david = addressOf("david");
  const alice = addressOf("alice");
  await act(
    grace,
    "David Wong",
    "Freeze part of the balance",
    { "Number of shares": "50" },
    "Margin dispute, holding 50 shares",
    /Freeze 50 of the [\d,]+ QMTN shares of 0x.+ \(David Wong\)/,
  );
  await expect(row(grace, david).locator('[data-col="frozen"]')).toContainText("50 frozen");

  const davidBefore = await shares(grace, david);
  const aliceBefore = await shares(grace, alice);
  await act(
    grace,
    "David Wong",
    "Propose a forced transfer",
    { "Number of shares": "20", "Receiving wallet": alice },
    "Court-ordered transfer HCA 77/2026",
    /Move 20 QMTN shares from 0x.+ \(David Wong\) to 0x.+ This is a proposal: nothing moves until a second compliance officer/,
  );
  // Proposed only: nothing moved, and grace cannot execute her own proposal.
  await expectWaitingForSecondOfficer(grace);
  expect(await shares(grace, david)).toBe(davidBefore);
  await grace.context().close();

  const marcus = await as(browser, "marcus", "/compliance/tokens");
  await openRegister(marcus, "Quiet Mountains");
  await executeProposal(
    marcus,
    "Checked the court order HCA 77/2026",
    new RegExp(`Move 20 QMTN shares from ${david} to ${alice}\\. Proposed by 0x`, "i"),
  );
  await expect.poll(() => shares(marcus, david)).toBe(davidBefore - 20);
  expect(await shares(marcus, alice)).toBe(aliceBefore + 20);
  await expect(marcus.getByText("No proposals are waiting on this token.")).toBeVisible();
  await marcus.context().close();
});

test("a wallet recovery moves shares, frozen part and lock-up to the investor's new wallet", async ({ browser }) => {
  test.setTimeout(180_000);
  const fresh = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 13 }).address;
  const mei = addressOf("mei");
  const { identityRegistry } = deployments();
  // Setup: link the new wallet to mei's investor record, from grace's (unlocked anvil) account.
  const investorId = (await rpc<Hex>("eth_call", [
    { to: identityRegistry, data: encodeFunctionData({ abi: registryAbi, functionName: "investorOf", args: [mei] }) },
    "latest",
  ])) as Hex;
  const hash = await rpc<Hex>("eth_sendTransaction", [
    {
      from: addressOf("grace"),
      to: identityRegistry,
      data: encodeFunctionData({ abi: registryAbi, functionName: "linkWallet", args: [fresh, investorId] }),
    },
  ]);
  await expect
    .poll(async () => (await rpc<{ status: string } | null>("eth_getTransactionReceipt", [hash]))?.status)
    .toBe("0x1");

  const grace = await as(browser, "grace", "/compliance/tokens");
  const registerUrl = await openRegister(grace, "Harbour at Dusk");
  // Before the key is lost, mei bids for 2 more HAD3 shares at HK$10.00: HK$20.00 held by the market.
  const token = registerUrl.split("/").pop()!.split("?")[0] as Address;
  const { market, paymentToken } = deployments();
  await sendAs(mei, paymentToken, encodeFunctionData({ abi: bidAbi, functionName: "faucet", args: [100_000_000n] }));
  await sendAs(
    mei,
    paymentToken,
    encodeFunctionData({ abi: bidAbi, functionName: "approve", args: [market, 20_000_000n] }),
  );
  await sendAs(
    mei,
    market,
    encodeFunctionData({
      abi: bidAbi,
      functionName: "placeBid",
      args: [token, 2n, 10_000_000n, BigInt(Math.floor(Date.now() / 1000) + 7 * 86_400), 100n],
    }),
  );
  await grace.reload();
  await act(
    grace,
    "Mei Chan",
    "Freeze part of the balance",
    { "Number of shares": "5" },
    "Partial freeze before recovery",
    /Freeze 5 of the 40 HAD3 shares/,
  );
  await expect(row(grace, mei).locator('[data-col="lockup"]')).toContainText(/40 until/);
  await act(
    grace,
    "Mei Chan",
    "Propose recovery to a new wallet",
    { "New wallet of the same investor": fresh },
    "Lost device, identity re-verified in branch",
    /Move all 40 HAD3 shares of 0x.+ \(Mei Chan\) to 0x.+ with the wallet's freeze, its frozen part \(5\) and its lock-ups \(40, each keeping its own release\)\. The lost wallet will hold nothing and stay frozen/,
  );
  await expectWaitingForSecondOfficer(grace);
  expect(await shares(grace, mei)).toBe(40);
  await grace.context().close();

  // The recovery follows the two-agent rule: a second officer executes it.
  const marcus = await as(browser, "marcus", "/compliance/tokens");
  await openRegister(marcus, "Harbour at Dusk");
  await expect(marcus.getByTestId("lost-orders")).toContainText("1 open order on this token, holding HK$20.00");
  await executeProposal(
    marcus,
    "Identity re-verification seen in branch",
    new RegExp(`Recover all HAD3 shares of ${mei} to ${fresh}, with its freezes and lock-ups`, "i"),
    /still has 1 open order on this token, holding HK\$20\.00 for bids/,
  );
  await expect(row(marcus, fresh)).toContainText("Mei Chan");
  expect(await shares(marcus, fresh)).toBe(40);
  await expect(row(marcus, fresh).locator('[data-col="frozen"]')).toContainText("5 frozen");
  await expect(row(marcus, fresh).locator('[data-col="lockup"]')).toContainText(/40 until/);
  await expect(row(marcus, mei)).toHaveCount(0);

  // The lost wallet's bid is still open: the officer cancels it, and the HK$20.00 goes to the recovered wallet.
  const section = marcus.getByRole("region", { name: "Recovered wallets with open orders" });
  await expect(section).toContainText(`Lost wallet ${mei}, recovered to ${fresh}`);
  await expect(section).toContainText(/Bid no\. \d+: 2 shares at HK\$10\.00 per share · holds HK\$20\.00/);
  await expectNoAxeViolations(marcus);
  // On a phone, the long button label wraps inside the screen.
  await marcus.setViewportSize({ width: 375, height: 812 });
  const cancel = section.getByRole("button", { name: /^Cancel these orders/ });
  await cancel.scrollIntoViewIfNeeded();
  const box = await cancel.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await section.screenshot({ path: test.info().outputPath("recovered-orders-375.png") });
  await marcus.setViewportSize({ width: 1280, height: 900 });
  await section
    .getByRole("button", { name: /^Cancel these orders and return HK\$20\.00 to 0x.+ \(the recovered wallet\)$/ })
    .click();
  const dialog = marcus.getByRole("dialog", { name: "Cancel the lost wallet's orders" });
  await dialog.getByRole("button", { name: "Review" }).click();
  // The reason is required, through the error summary.
  await expect(dialog.getByRole("alert")).toContainText("Reason");
  await dialog.getByLabel("Reason").fill("Recovery done: return the lost wallet's bid money");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("agent-confirm")).toContainText(
    `1 open order of the lost wallet ${mei} on HAD3 will be cancelled in one transaction, and the HK$20.00 held for its bids goes to the recovered wallet ${fresh}. Nothing goes to the lost wallet.`,
  );
  await dialog.getByRole("button", { name: "Sign with my wallet" }).click();
  await expect(dialog.getByTestId("agent-step")).toContainText("Done and recorded in the audit log.", {
    timeout: 45_000,
  });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toHaveCount(0);
  await marcus.goto("/compliance/audit");
  const entry = marcus
    .getByRole("table", { name: "Audit entries, newest first" })
    .getByRole("row")
    .filter({ hasText: "Recovered wallet's orders cancelled, bid money returned to the new wallet" });
  await expect(entry).toContainText("Mei Chan");
  await expect(entry).toContainText("escrow: 20000000");
  await marcus.context().close();
});

test("the register at a past block comes from the indexer, agrees with the node's archive, and exports the same", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const grace = await as(browser, "grace", "/compliance/tokens");
  const registerPath = await openRegister(grace, "Quiet Mountains");
  const david = addressOf("david");
  // David's 50 frozen shares (the partial freeze above), at a block that is then in the past.
  const block = BigInt(await rpc<Hex>("eth_blockNumber")).toString();
  await rpc("evm_mine");
  const url = `${registerPath}?block=${block}`;
  // The server shares the latest block number for a second (the test's evm_mine is no user transaction it saw), so
  // the block may still be the latest on the first load: reload until it is a past one, read from the indexer.
  await expect
    .poll(async () => {
      await grace.goto(url);
      const source = await grace.getByTestId("register-source").getAttribute("data-source");
      return `${source} ${(await grace.getByText("Past block").count()) > 0 ? "past" : "latest"}`;
    })
    .toBe("indexer past");
  await expect(grace.getByTestId("register-source")).toContainText(
    `Built from the indexer's record of on-chain events`,
  );
  await expect(row(grace, david).locator('[data-col="frozen"]')).toContainText("50 frozen");
  await grace.getByRole("link", { name: "Compare with the chain node's archive" }).click();
  await expect(grace.getByText(`The chain node's archive agrees with the indexer at block ${block}.`)).toBeVisible();
  // The export of that block uses the same source.
  const csv = await grace.request.get(`${registerPath}/register.csv?block=${block}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["x-register-source"]).toBe("indexer");
  const line = (await csv.text()).split("\r\n").find((l) => l.toLowerCase().includes(david.toLowerCase()));
  expect(line?.split(",")[0]).toBe(block);
  expect(line?.split(",")[12]).toBe("50");
  await grace.context().close();
});

test("an investor or an issuer reaches no compliance page, export or action", async ({ browser }) => {
  test.setTimeout(120_000);
  const manifest = readFileSync(path.join(E2E_DIST_DIR, "server", "server-reference-manifest.json"), "utf8");
  const ids = Object.entries(
    (JSON.parse(manifest) as { node: Record<string, { exportedName?: string; filename?: string }> }).node,
  )
    .filter(
      ([, v]) => v.exportedName === "recordAgentActionAction" || JSON.stringify(v).includes("recordAgentActionAction"),
    )
    .map(([id]) => id);
  for (const key of ["mei", "lumen"] as const) {
    const page = await as(browser, key, "/");
    for (const p of [
      "/compliance",
      "/compliance/tokens",
      "/compliance/audit",
      `/compliance/tokens/${deployments().identityRegistry}`,
      "/compliance/investors/00000000-0000-0000-0000-000000000000",
      "/compliance/kyc",
      "/compliance/kyc/00000000-0000-0000-0000-000000000000",
      "/compliance/listings",
      "/compliance/wallets",
    ]) {
      const res = await page.goto(p);
      expect(res?.status(), `${key} ${p}`).toBe(404);
    }
    for (const p of ["/compliance/audit/audit.csv", `/compliance/tokens/${addressOf("mei")}/register.csv`]) {
      const res = await page.request.get(p);
      expect(res.status(), `${key} ${p}`).toBe(404);
    }
    // The server action itself, called directly: refused before anything is read or written.
    for (const id of ids) {
      const res = await page.request.post("/compliance/tokens", {
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([{ txHash: `0x${"ab".repeat(32)}`, reason: "forged by a test" }]),
      });
      expect(await res.text()).toContain("forbidden");
    }
    await page.context().close();
  }
  expect(ids.length).toBeGreaterThan(0);
});

test("a KYC application without documents cannot be approved, even with every check ticked; the page says what is missing", async ({
  browser,
}) => {
  // Tom Lee's seeded application was submitted with answers only, no documents.
  const grace = await as(browser, "grace", "/compliance/kyc");
  await grace.getByRole("link", { name: "Tom Lee" }).click();
  await expect(grace.getByRole("heading", { level: 1, name: "Tom Lee" })).toBeVisible();
  const approveButton = grace.getByRole("button", { name: /Approve|Pre-approve/ });
  await expect(approveButton).toHaveCount(0);
  await expect(grace.getByText("Missing documents: Identity document and Proof of address.")).toBeVisible();
  await expect(grace.getByText(/Checks not ticked: Name and date of birth match the identity document/)).toBeVisible();

  for (const box of await grace.getByRole("group", { name: "Checks" }).getByRole("checkbox").all()) await box.check();
  await grace.getByRole("button", { name: "Save checklist and note" }).click();
  await expect(grace.getByText("Saved.")).toBeVisible();
  await expect(grace.getByText(/Checks not ticked/)).toHaveCount(0);
  await expect(grace.getByText("Missing documents: Identity document and Proof of address.")).toBeVisible();
  await expect(approveButton).toHaveCount(0);

  // Same in Chinese.
  await grace.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-HK", url: E2E_ORIGIN }]);
  await grace.reload();
  await expect(grace.getByText("欠缺文件：身份證明文件及住址證明。")).toBeVisible();
});

test("Reset clears every filter of the audit log and of the KYC queue; 'To' before 'From' is said, not shown as nothing", async ({
  browser,
}) => {
  const grace = await as(browser, "grace", "/compliance/audit");
  const action = grace.getByLabel("Action", { exact: true });
  const chosen = await action.locator("option").nth(1).getAttribute("value");
  await action.selectOption(chosen!);
  await grace.getByLabel("Actor (wallet)").fill("system");
  await grace.getByLabel("From", { exact: true }).fill("2026-01-01");
  await grace.getByRole("button", { name: "Apply" }).click();
  await expect(grace).toHaveURL(/action=/);
  await expect(action).toHaveValue(chosen!);
  await grace.getByRole("link", { name: "Reset" }).click();
  await expect(grace).toHaveURL(/\/compliance\/audit$/);
  await expect(action).toHaveValue("");
  await expect(grace.getByLabel("Actor (wallet)")).toHaveValue("");
  await expect(grace.getByLabel("From", { exact: true })).toHaveValue("");

  await grace.goto("/compliance/audit?from=2026-12-05&to=2026-12-01");
  await expect(grace.getByLabel("To", { exact: true })).toHaveAccessibleDescription("“To” is before “From”");
  await expect(grace.getByText("No entry can fall in this range.")).toBeVisible();

  await grace.goto("/compliance/kyc");
  const queue = grace.getByRole("search", { name: "Filter applications" });
  await queue.getByLabel("Category").selectOption("professional");
  await queue.getByLabel("Sort by").selectOption("newest");
  await queue.getByRole("button", { name: "Apply" }).click();
  await expect(grace).toHaveURL(/category=professional/);
  await queue.getByRole("link", { name: "Reset" }).click();
  await expect(grace).toHaveURL(/\/compliance\/kyc$/);
  await expect(queue.getByLabel("Category")).toHaveValue("");
  await expect(queue.getByLabel("Sort by")).toHaveValue("oldest");
  await expect(queue.getByLabel("Status")).toHaveValue("open");
});
