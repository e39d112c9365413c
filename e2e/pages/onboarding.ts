import { expect, type Page } from "@playwright/test";

/**
 * Page object for the investor's KYC application (/onboarding): the wizard filled step by step as a person would,
 * with the documents uploaded through the Documents step, and the officer's way into an application from the queue.
 */

/** The documents the wizard uploads: a small PDF and a 1×1 PNG. */
export const KYC_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
// A 1×1 PNG.
export const KYC_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Fills every step of the application up to "Review and submit" (retail: the knowledge check, failed once). */
export async function fillWizard(page: Page, opts: { name: string; category: "retail" | "professional" }) {
  await expect(page.getByRole("heading", { name: "Personal details" })).toBeVisible();
  await page.getByLabel("Full legal name").fill(opts.name);
  await page.getByLabel("Date of birth").fill("1990-04-12");
  await page.getByLabel("Phone").fill("+852 9123 4567");
  await page.getByLabel("Email").fill("applicant@example.hk");
  await page.getByLabel("Residential address").fill("Flat 12A, 1 Harbour Road, Wan Chai, Hong Kong");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Nationality and residence" })).toBeVisible();
  await page.getByLabel("Nationality").selectOption("HK");
  await page.getByLabel("Country of residence").selectOption("HK");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Investor category" })).toBeVisible();
  // What goes public is said where the investor chooses: the category is readable on-chain by anyone.
  await expect(page.getByText(/anyone can see that a wallet belongs to a professional investor/)).toBeVisible();
  if (opts.category === "professional") {
    await page.getByRole("radio", { name: /Professional investor/ }).check();
    await page.getByLabel("Portfolio value (HK$)").fill("7000000");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByText("A professional investor needs a portfolio of at least HK$8,000,000")).toBeVisible();
    // Typed as people write it (issue 19 item 9): kept as typed, and the amount understood is shown back.
    const portfolio = page.getByLabel("Portfolio value (HK$)");
    await portfolio.fill("12,50,000");
    await expect(page.locator("#portfolioHkd-error")).toHaveText("Group thousands in threes, for example 12,500,000.");
    await portfolio.fill("12,500,000");
    await expect(portfolio).toHaveValue("12,500,000");
    await expect(portfolio).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("portfolio-parsed")).toHaveText("You entered HK$12,500,000.");
    await page.getByRole("checkbox", { name: /I declare/ }).check();
  } else {
    await page.getByRole("radio", { name: /Retail investor/ }).check();
  }
  await page.getByRole("button", { name: "Save and continue" }).click();

  if (opts.category === "retail") {
    await expect(page.getByRole("heading", { name: "Knowledge check" })).toBeVisible();
    // First attempt: two wrong answers → not passed, with explanations.
    await page.getByRole("radio", { name: "A guaranteed yearly return" }).check();
    await page.getByRole("radio", { name: "Yes, at any time, at the price I paid" }).check();
    await page.getByRole("radio", { name: /It can fall/ }).check();
    await page.getByRole("radio", { name: /Only money I can afford to lose/ }).check();
    await page.getByRole("radio", { name: "An insured custodian in Hong Kong" }).check();
    await page.getByRole("button", { name: "Check my answers" }).click();
    await expect(page.getByText("Not passed yet: 3 of 5 right")).toBeVisible();
    await page.getByRole("radio", { name: "A fraction of the economic interest in the artwork" }).check();
    await page.getByRole("radio", { name: /No: there may be no buyer/ }).check();
    await page.getByRole("button", { name: "Check my answers" }).click();
    await expect(page.getByText("Passed: 5 of 5 right")).toBeVisible();
    await page.getByRole("link", { name: "Continue" }).click();
  }

  await expect(page.getByRole("heading", { name: "Risk disclosures" })).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Acknowledge this risk to continue.").first()).toBeVisible();
  for (const cb of await page.getByRole("checkbox", { name: /I have read and understood/ }).all()) await cb.check();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
  // A PNG named .pdf is refused: the type comes from the content.
  await page
    .getByLabel("Choose a file: Identity document")
    .setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: KYC_PNG });
  await page.getByRole("button", { name: "Upload Identity document" }).click();
  await expect(page.getByText("The file's name does not match its content").first()).toBeVisible();
  await page
    .getByLabel("Choose a file: Identity document")
    .setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: KYC_PNG });
  await page.getByRole("button", { name: "Upload Identity document" }).click();
  await expect(
    page.getByRole("region", { name: "Identity document" }).getByText("Uploaded", { exact: true }),
  ).toBeVisible();
  await page
    .getByLabel("Choose a file: Proof of address")
    .setInputFiles({ name: "bill.pdf", mimeType: "application/pdf", buffer: KYC_PDF });
  await page.getByRole("button", { name: "Upload Proof of address" }).click();
  await expect(
    page.getByRole("region", { name: "Proof of address" }).getByText("Uploaded", { exact: true }),
  ).toBeVisible();
  if (opts.category === "professional") {
    await page
      .getByLabel("Choose a file: Professional investor evidence")
      .setInputFiles({ name: "statement.pdf", mimeType: "application/pdf", buffer: KYC_PDF });
    await page.getByRole("button", { name: "Upload Professional investor evidence" }).click();
    await expect(
      page.getByRole("region", { name: "Professional investor evidence" }).getByText("Uploaded", { exact: true }),
    ).toBeVisible();
  }
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
  await expect(page.getByText(opts.name)).toBeVisible();
}

/** The compliance officer opens an application from the KYC review queue; returns its id. */
export async function openInQueue(page: Page, name: string): Promise<string> {
  await page.goto("/compliance/kyc");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.url().split("/").pop()!;
}
