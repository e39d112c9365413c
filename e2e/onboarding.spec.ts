/**
 * Onboarding and the KYC gate (issue 5): a newcomer onboards end to end and is approved on-chain by an officer's
 * own wallet; the needs-information and rejection paths; four-eyes approval of a professional investor; and an
 * investor cannot reach another investor's application or documents, by URL or by a crafted action call.
 */
import { expectNoAxeViolations } from "./fixtures/axe";
import type { Browser, Page } from "@playwright/test";
import { type DemoKey, expect, installWallet, test } from "./fixtures/wallet";
import { fillWizard, openInQueue } from "./pages/onboarding";
import { signInWithTestWallet } from "./pages/sign-in";

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, key: DemoKey, next: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await installWallet(page, key);
  await signInWithTestWallet(page, { next });
  return page;
}

/** The officer ticks every check of the review checklist and saves it (approval needs every one). */
async function tickChecklist(page: Page) {
  const checks = page.getByRole("group", { name: "Checks" }).getByRole("checkbox");
  for (const box of await checks.all()) await box.check();
  await page.getByRole("button", { name: "Save checklist and note" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** Clicks the approval button, connecting the officer's wallet first when the page has not reconnected it. */
async function approve(page: Page, name: string) {
  const button = page.getByRole("button", { name });
  const connect = page.getByRole("button", { name: "Connect wallet" });
  await expect(button.or(connect)).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
  await button.click();
  // Approved only once the transaction is confirmed and verified on chain; the page then shows the decision.
  await expect(page.getByText("Approved and registered on the blockchain")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^0x[0-9a-f]{64}$/)).toBeVisible();
}

let newcomerApplicationId = "";
let newcomerDocumentUrl = "";

test("a newcomer onboards end to end, resumes, submits once, and an officer approves from her own wallet", async ({
  browser,
}) => {
  const page = await as(browser, "newcomer", "/onboarding");
  await expect(page.getByRole("heading", { name: "Your verification" })).toBeVisible();
  await page.getByRole("button", { name: "Start your application" }).click();
  await fillWizard(page, { name: "Nora Newcomer", category: "retail" });

  // Resumable: leaving and coming back lands on the review step with everything saved.
  await page.goto("/onboarding");
  await page.getByRole("link", { name: "Continue your application" }).click();
  await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
  newcomerDocumentUrl = (await page.goto("/onboarding/documents"),
  await page.getByRole("link", { name: "View", exact: true }).first().getAttribute("href"))!;
  expect(newcomerDocumentUrl).toMatch(/^\/api\/kyc\/documents\//);
  const own = await page.request.get(newcomerDocumentUrl);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toMatch(/image\/png|application\/pdf/);

  await page.goto("/onboarding/review");
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByText("Application submitted")).toBeVisible();
  await expect(page.getByText("Your application is being reviewed")).toBeVisible();

  const grace = await as(browser, "grace", "/compliance/kyc");
  await expect(grace.getByRole("heading", { name: "KYC review queue" })).toBeVisible();
  newcomerApplicationId = await openInQueue(grace, "Nora Newcomer");
  await expect(
    grace.getByText(/register wallet 0x[0-9a-fA-F]{40} as a verified investor resident in Hong Kong/),
  ).toBeVisible();
  // Nothing to approve with until every check is ticked (the documents are uploaded).
  await expect(grace.getByRole("button", { name: "Approve and register on the blockchain" })).toHaveCount(0);
  await expect(grace.getByText(/Checks not ticked: Name and date of birth match/)).toBeVisible();
  await tickChecklist(grace);
  await approve(grace, "Approve and register on the blockchain");

  await page.goto("/onboarding");
  await expect(page.getByText("You are a verified investor")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText("Verified investor").first()).toBeVisible();

  // Verified, she can now buy in a live offering: test HKD from the local faucet, then two shares.
  await page.goto("/artworks/composition-in-jade-and-vermilion/buy");
  await expect(page.getByRole("heading", { name: "Buy shares" })).toBeVisible();
  const connect = page.getByRole("main").getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) {
    await connect.click();
    const picker = page.getByRole("dialog", { name: "Connect a wallet" });
    await picker.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(picker).toBeHidden();
  }
  await page.getByRole("button", { name: "Get test HKD" }).click();
  await expect(page.getByText("HK$100,000 of test HKD added to your wallet.")).toBeVisible({ timeout: 30_000 });
  const shares = page.getByLabel("Number of shares");
  await shares.fill("2");
  for (const id of ["kyc", "offering", "token", "balance"])
    await expect(page.locator(`[data-check="${id}"]`)).toHaveAttribute("data-state", "ok", { timeout: 20_000 });
  await page.getByRole("button", { name: "Review purchase" }).click();
  await page
    .getByRole("dialog", { name: "Confirm your purchase" })
    .getByRole("button", { name: "Sign and buy" })
    .click();
  await expect(page.getByTestId("purchase-status")).toContainText("Purchase confirmed", { timeout: 30_000 });
  await page.goto("/portfolio");
  await expect(
    page
      .getByRole("table", { name: "Holdings" })
      .getByRole("row", { name: /Composition in Jade and Vermilion/ })
      .locator('[data-col="shares"]'),
  ).toHaveText("2");
});

test("an investor cannot open another investor's application or documents, by URL or by a crafted action call", async ({
  browser,
}) => {
  expect(newcomerApplicationId).not.toBe("");
  const sarah = await as(browser, "sarah", "/onboarding");
  // By URL: the compliance page and the document route answer "not found".
  await sarah.goto(`/compliance/kyc/${newcomerApplicationId}`);
  await expect(sarah.getByRole("heading", { name: "Nora Newcomer" })).toHaveCount(0);
  await expect(sarah.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(sarah.getByText("Nora Newcomer")).toHaveCount(0);
  const doc = await sarah.request.get(newcomerDocumentUrl);
  expect(doc.status()).toBe(404);
  // Signed out: refused too.
  const anonymous = await (
    await browser.newContext()
  ).request.get(new URL(newcomerDocumentUrl, sarah.url()).toString());
  expect(anonymous.status()).toBe(401);

  // By a crafted action call: Sarah's own form, with the newcomer's application id in place of hers.
  await sarah.goto("/onboarding");
  await expect(sarah.getByText("Your application was not approved")).toBeVisible();
  await sarah.getByRole("button", { name: "Start a new application" }).click();
  await expect(sarah.getByRole("heading", { name: "Personal details" })).toBeVisible();
  await sarah.evaluate((id) => {
    const input = document.querySelector<HTMLInputElement>('input[name="applicationId"]');
    if (input) input.value = id;
  }, newcomerApplicationId);
  await sarah.getByLabel("Full legal name").fill("Mallory");
  await sarah.getByLabel("Date of birth").fill("1990-01-01");
  await sarah.getByLabel("Phone").fill("+852 9000 0000");
  await sarah.getByLabel("Email").fill("m@example.hk");
  await sarah.getByLabel("Residential address").fill("Somewhere in Kowloon, Hong Kong");
  await sarah.getByRole("button", { name: "Save and continue" }).click();
  await expect(sarah.getByText("This application was not found.")).toBeVisible();
});

test("needs information, then the investor answers, then rejection with a reason the investor sees", async ({
  browser,
}) => {
  const sarah = await as(browser, "sarah", "/onboarding");
  await sarah.goto("/onboarding/personal");
  await fillWizard(sarah, { name: "Sarah Ng", category: "retail" });
  await sarah.getByRole("button", { name: "Submit application" }).click();
  await expect(sarah.getByText("Application submitted")).toBeVisible();

  const grace = await as(browser, "grace", "/compliance/kyc");
  await openInQueue(grace, "Sarah Ng");
  await grace.getByLabel("Message to the investor").fill("Please upload a bank statement from the last three months.");
  await grace.getByRole("button", { name: "Send request" }).click();
  await expect(grace.getByText("Waiting for the investor's answer")).toBeVisible();

  await sarah.goto("/onboarding");
  await expect(sarah.getByRole("status").getByText("More information needed")).toBeVisible();
  await expect(sarah.getByText("Please upload a bank statement from the last three months.")).toBeVisible();
  await sarah.getByRole("link", { name: "Answer the request" }).click();
  await sarah.getByLabel("Your reply to compliance").fill("I uploaded my March statement.");
  await sarah.getByRole("button", { name: "Submit again" }).click();
  await expect(sarah.getByText("Your application is being reviewed")).toBeVisible();

  // The queue keeps her first submission date and says she resubmitted; the officer sees the question and the
  // answer as one thread.
  await grace.goto("/compliance/kyc");
  await expect(grace.getByRole("row", { name: /Sarah Ng/ })).toContainText("Resubmitted");
  await openInQueue(grace, "Sarah Ng");
  const thread = grace.getByRole("region", { name: "Questions and answers" }).getByRole("listitem");
  await expect(thread).toHaveCount(2);
  await expect(thread.nth(0)).toContainText("Please upload a bank statement from the last three months.");
  await expect(thread.nth(0)).toContainText("Asked");
  await expect(thread.nth(1)).toContainText("I uploaded my March statement.");
  await expect(thread.nth(1)).toContainText("Answered");
  await grace
    .getByLabel("Reason (the investor sees it)")
    .fill("The statement shows a different address from the one you gave.");
  await grace.getByRole("button", { name: "Reject application" }).click();
  await expect(grace.getByText("Rejected", { exact: true }).first()).toBeVisible();

  await sarah.goto("/onboarding");
  await expect(sarah.getByText("Your application was not approved")).toBeVisible();
  await expect(sarah.getByText("The statement shows a different address from the one you gave.")).toBeVisible();
});

/** Connects the officer's wallet when the page has not reconnected it, then clicks the named decision button. */
async function signDecision(page: Page, name: string) {
  const button = page.getByRole("button", { name });
  const connect = page.getByRole("button", { name: "Connect wallet" });
  await expect(button.or(connect)).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
  }
  await button.click();
}

test("renewal with four eyes: an expired professional renews as retail from pre-filled answers; the officer sees the registry difference; Grace proposes on-chain, cannot confirm; Marcus confirms", async ({
  browser,
}) => {
  // Three people, two signed registry transactions and two accessibility scans: a long journey.
  test.slow();
  const kenji = await as(browser, "kenji", "/onboarding");
  await expect(kenji.getByText(/The answers of your last approved application are filled in for you/)).toBeVisible();
  await expect(kenji.getByText(/Upload your documents again/)).toBeVisible();
  await kenji.getByRole("button", { name: "Start a new application" }).click();
  // Every answer of the last approved application is there (issue 19 item 1: they were empty, category Retail).
  await expect(kenji.getByRole("heading", { name: "Personal details" })).toBeVisible();
  await expect(kenji.getByLabel("Full legal name")).toHaveValue("Kenji Sato");
  await expect(kenji.getByLabel("Date of birth")).toHaveValue("1988-06-02");
  await expect(kenji.getByLabel("Phone")).toHaveValue("+852 9123 4567");
  await kenji.getByRole("button", { name: "Save and continue" }).click();
  await expect(kenji.getByLabel("Nationality")).toHaveValue("JP");
  await expect(kenji.getByLabel("Country of residence")).toHaveValue("HK");
  await kenji.getByRole("button", { name: "Save and continue" }).click();
  await expect(kenji.getByRole("radio", { name: /Professional investor/ })).toBeChecked();
  await expect(kenji.getByLabel("Portfolio value (HK$)")).toHaveValue(/12,?500,?000/);
  // He renews as a retail investor: a change away from professional.
  await kenji.goto("/onboarding/personal");
  await fillWizard(kenji, { name: "Kenji Sato", category: "retail" });
  await kenji.getByRole("button", { name: "Submit application" }).click();
  await expect(kenji.getByText("Application submitted")).toBeVisible();
  // Submitted, the renewal is in review (not "start a new application" again because the registry has expired).
  await expect(kenji.getByText("Your application is being reviewed")).toBeVisible();
  await expect(kenji.getByRole("button", { name: "Start a new application" })).toHaveCount(0);

  const grace = await as(browser, "grace", "/compliance/kyc");
  const id = await openInQueue(grace, "Kenji Sato");
  // A renewal, shown against what the identity registry holds, with what is really sent.
  await expect(grace.getByText("Renewal", { exact: true })).toBeVisible();
  const diff = grace.getByTestId("registry-diff");
  await expect(diff.getByRole("row", { name: /Investor category/ })).toContainText(
    /Professional\s*→ Retail \(changed\)/,
  );
  await expect(diff.getByRole("row", { name: /Country of residence/ })).toContainText(
    /Hong Kong[^→]*→ Hong Kong[^(]*\(unchanged\)/,
  );
  await expect(diff.getByRole("row", { name: /Verification valid until/ })).toContainText(/\(expired\)\s*→ 12 months/);
  await expect(grace.getByTestId("registry-call")).toContainText("proposeUpdate");
  await expectNoAxeViolations(grace, { label: "KYC renewal review (first officer)" });
  await expect(grace.getByTestId("four-eyes-step")).toContainText("step 1 of 2");
  await expect(grace.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await tickChecklist(grace);
  await signDecision(grace, "Pre-approve (first officer)");
  await expect(grace.getByText(/You pre-approved this application: a different officer must confirm it/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(grace.getByTestId("four-eyes-step")).toContainText("step 2 of 2");
  await expect(grace.getByRole("button", { name: /Confirm approval/ })).toHaveCount(0);

  const marcus = await as(browser, "marcus", `/compliance/kyc/${id}`);
  await expect(marcus.getByTestId("registry-call")).toContainText("confirmProposal");
  await expectNoAxeViolations(marcus, { label: "KYC renewal review (second officer)" });
  await approve(marcus, "Confirm approval and register on the blockchain");

  await kenji.goto("/onboarding");
  await expect(kenji.getByText("You are a verified investor")).toBeVisible();
});
