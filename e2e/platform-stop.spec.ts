/**
 * The platform admin's emergency stop (issue 13 item 3): the admin stops the platform from its console (a dialog
 * that says what it does, a reason, the admin's own wallet signs); every page shows a banner; alice's buy page says
 * purchases are stopped before any wallet prompt, and the market refuses an order on-chain; the admin resumes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, parseAbi, toFunctionSelector } from "viem";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, rpc, test } from "./fixtures/wallet";
import { pickTestWallet, signedInAs, signingSince, submitSigned } from "./pages/admin-console";
import { E2E_DATA_DIR } from "./ports";

test.describe.configure({ mode: "serial" });

const SLUG = "composition-in-jade-and-vermilion";

const abi = parseAbi([
  "function platformStopped() view returns (bool)",
  "function resumePlatform()",
  "function placeBid(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps)",
  "function tokens(uint256 offset, uint256 limit) view returns (address[])",
]);
type Deployments = { identityRegistry: Address; market: Address; shareTokenFactory: Address };
const deployments = (): Deployments =>
  JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "deployments", "31337.json"), "utf8")) as Deployments;

async function stopped(): Promise<boolean> {
  const data = encodeFunctionData({ abi, functionName: "platformStopped" });
  const out = await rpc<string>("eth_call", [{ to: deployments().identityRegistry, data }, "latest"]);
  return BigInt(out) === 1n;
}

// Whatever happens in the journey, the next spec finds the platform running.
test.afterAll(async () => {
  if (await stopped()) {
    await rpc("eth_sendTransaction", [
      {
        from: addressOf("admin"),
        to: deployments().identityRegistry,
        data: encodeFunctionData({ abi, functionName: "resumePlatform" }),
      },
    ]);
  }
});

test("the admin stops the platform; alice is told before signing and the market refuses; the admin resumes", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  expect(await stopped()).toBe(false);

  // 1. The admin's console: the control, its dialog, a reason required before the wallet opens.
  const admin = await signedInAs(browser, "admin", "/compliance/listings");
  const control = admin.page.getByTestId("platform-stop");
  await expect(control).toHaveAttribute("data-stopped", "false");
  await admin.page.getByRole("button", { name: "Stop the platform" }).click();
  const dialog = admin.page.getByRole("dialog", { name: "Stop the whole platform?" });
  await expect(dialog).toContainText("IdentityRegistry.stopPlatform");
  await expectNoAxeViolations(admin.page);
  const before = admin.log.length;
  await dialog.getByRole("button", { name: "Sign and stop the platform" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Give a reason of at least 5 characters.");
  expect(signingSince(admin.log, before)).toEqual([]);
  await dialog.getByLabel("Reason (kept in the audit log)").fill("Suspected compromise of an agent key");
  await submitSigned(admin.page, "Sign and stop the platform");
  await expect(admin.page.getByText("The platform is stopped and the audit log says why.")).toBeVisible({
    timeout: 60_000,
  });
  expect(await stopped()).toBe(true);
  await expect(admin.page.getByTestId("platform-stopped-banner")).toBeVisible();

  // 2. alice: the banner, and the buy page says so before any wallet prompt.
  const alice = await signedInAs(browser, "alice", `/artworks/${SLUG}/buy`);
  await expect(alice.page.getByTestId("platform-stopped-banner")).toContainText("The platform is stopped for now.");
  await expect(alice.page.getByRole("heading", { name: "Buy shares" })).toBeVisible();
  const afterSignIn = alice.log.length;
  const input = alice.page.getByLabel("Number of shares");
  await input.fill("10");
  const offering = alice.page.locator('[data-check="offering"]');
  await expect(offering).toHaveAttribute("data-state", "failed");
  await expect(offering).toContainText("Purchases are stopped on the whole platform for now.");
  await expect(alice.page.getByRole("button", { name: "Review purchase" })).toBeDisabled();
  expect(signingSince(alice.log, afterSignIn)).toEqual([]);
  await expectNoAxeViolations(alice.page);

  // 3. The market refuses an order on-chain with its own error, whoever sends it.
  const { market, shareTokenFactory: factory } = deployments();
  const [token] = decodeFunctionResult({
    abi,
    functionName: "tokens",
    data: await rpc<Hex>("eth_call", [
      { to: factory, data: encodeFunctionData({ abi, functionName: "tokens", args: [0n, 1n] }) },
      "latest",
    ]),
  });
  const call = rpc("eth_call", [
    {
      from: addressOf("alice"),
      to: market,
      data: encodeFunctionData({
        abi,
        functionName: "placeBid",
        args: [token!, 1n, 10_000n, BigInt(Math.floor(Date.now() / 1000) + 86_400), 100n],
      }),
    },
    "latest",
  ]);
  // MarketPlatformStopped(): its selector is the revert data.
  await expect(call).rejects.toMatchObject({ data: toFunctionSelector("MarketPlatformStopped()") });

  // 4. The admin resumes: the banner goes, alice's check passes again.
  await admin.page.reload();
  await expect(control).toHaveAttribute("data-stopped", "true");
  await admin.page.getByRole("button", { name: "Resume the platform" }).click();
  const resume = admin.page.getByRole("dialog", { name: "Resume the platform?" });
  await resume.getByLabel("Reason (kept in the audit log)").fill("Keys rotated, all clear");
  await submitSigned(admin.page, "Sign and resume the platform");
  await expect(admin.page.getByText("The platform runs again and the audit log says why.")).toBeVisible({
    timeout: 60_000,
  });
  expect(await stopped()).toBe(false);
  await alice.page.reload();
  await expect(alice.page.getByTestId("platform-stopped-banner")).toHaveCount(0);
  // The reload dropped the wallet connection: reconnect, then the offering line passes again.
  const connect = alice.page.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    await pickTestWallet(alice.page);
  }
  await alice.page.getByLabel("Number of shares").fill("10");
  await expect(alice.page.locator('[data-check="offering"]')).toHaveAttribute("data-state", "ok");
});
