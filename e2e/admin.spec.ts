/**
 * The admin console (issue 16): the platform admin (anvil #0) grants the registry's agent role to a new wallet from
 * /admin, signed by the admin's own wallet, with a reason asked before the wallet opens; the new officer signs in and
 * opens the compliance console; the admin revokes the role and the officer's next request is refused. The health
 * page reports the chain, the indexer and the database.
 */
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressOf, expect, test } from "./fixtures/wallet";
import { signedInAs, signingSince, submitSigned } from "./pages/admin-console";

test.describe.configure({ mode: "serial" });

const ROLE = "Compliance (identity registry)";

test("the admin grants a compliance role, the new officer opens the console; revoked, the console is refused", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const candidate = addressOf("candidate");

  // 1. The admin lands on the console: who holds which role, from the chain.
  const admin = await signedInAs(browser, "admin", "/admin");
  await expect(admin.page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  const agents = admin.page.getByTestId("holders-identityAgent");
  await expect(agents.locator(`[data-account="${addressOf("grace").toLowerCase()}"]`)).toBeVisible();
  await expect(agents.locator(`[data-account="${candidate.toLowerCase()}"]`)).toHaveCount(0);
  await expectNoAxeViolations(admin.page);

  // 2. Grant: the reason is asked before the wallet opens; then the admin's wallet signs.
  await admin.page.getByRole("button", { name: "Grant a role" }).click();
  const dialog = admin.page.getByRole("dialog", { name: "Grant a role" });
  await dialog.getByLabel("Role").selectOption({ label: ROLE });
  await dialog.getByLabel("Wallet address").fill(candidate);
  const before = admin.log.length;
  await dialog.getByRole("button", { name: "Sign the grant" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Give a reason of at least 5 characters.");
  expect(signingSince(admin.log, before)).toEqual([]);
  await expectNoAxeViolations(admin.page);
  await dialog.getByLabel("Reason").fill("New compliance officer, onboarding ticket 16");
  await submitSigned(admin.page, "Sign the grant");
  await expect(admin.page.getByText(`${ROLE} granted`)).toBeVisible({ timeout: 60_000 });
  expect(admin.log.slice(before).some((r) => r.method === "eth_sendTransaction")).toBe(true);
  const row = agents.locator(`[data-account="${candidate.toLowerCase()}"]`);
  await expect(row).toBeVisible();
  // When and by whom, from the indexer.
  await expect(row).toContainText(addressOf("admin").slice(0, 6));

  // 3. The new officer signs in and sees the compliance console.
  const officer = await signedInAs(browser, "candidate", "/compliance");
  await expect(officer.page.getByRole("heading", { level: 1, name: "Compliance overview" })).toBeVisible();

  // 4. The admin revokes, with a reason, after a confirmation.
  await row.getByRole("button", { name: `Revoke ${ROLE} from ${candidate}` }).click();
  const revoke = admin.page.getByRole("dialog", { name: "Revoke a role" });
  await expect(revoke).toContainText(candidate);
  await revoke.getByLabel("Reason").fill("Left the compliance team");
  await submitSigned(admin.page, "Sign the revocation");
  await expect(row).toHaveCount(0, { timeout: 60_000 });

  // 5. The officer's next request: the console is refused (not found), the header has no compliance link.
  await officer.page.goto("/compliance");
  await expect(officer.page.getByRole("heading", { level: 1, name: "This page is not on the wall." })).toBeVisible();
  await expect(
    officer.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compliance" }),
  ).toHaveCount(0);

  // 6. The health page: the chain, the indexer, the database and the periodic jobs.
  const health = admin.page;
  await health.goto("/admin/health");
  await expect(health.getByRole("heading", { level: 1, name: "Health" })).toBeVisible();
  await expect(health.getByRole("region", { name: "Chain" })).toContainText("Head block");
  await expect(health.getByRole("region", { name: "Database" })).toContainText("applied");
  await expect(health.getByTestId("health-jobs")).toContainText("Housekeeping");
  await expectNoAxeViolations(health);
});

test("the console and its health page are refused to anyone but the admin", async ({ browser }) => {
  const grace = await signedInAs(browser, "grace", "/compliance");
  for (const path of ["/admin", "/admin/health"]) {
    await grace.page.goto(path);
    await expect(grace.page.getByRole("heading", { level: 1, name: "This page is not on the wall." })).toBeVisible();
  }
});
