import { expect, test } from "@playwright/test";

test.describe("a visitor without a wallet", () => {
  test("browses the catalogue in English and in Traditional Chinese", async ({ page, context }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Own a share of remarkable art." })).toBeVisible();
    const cards = page.getByRole("main").getByRole("article");
    await expect(cards).toHaveCount(8);
    await expect(page.getByRole("link", { name: /Quiet Mountains/ })).toBeVisible();
    await expect(page.getByText("HK$5,000.00").first()).toBeVisible();

    // The language switch is a form: it works without JavaScript and keeps the choice in a cookie.
    await page.getByRole("button", { name: /繁/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-HK");
    await expect(page.getByRole("link", { name: /靜山/ })).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("zh-HK");
    await page.reload();
    await expect(page.getByRole("link", { name: /靜山/ })).toBeVisible();

    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("reads the catalogue with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/?status=sold_out");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("link", { name: /Still Life with Lychees/ })).toBeVisible();
    // Sold out too, but its shares change hands on the market: trading.
    await page.goto("/?status=trading");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("link", { name: /Quiet Mountains/ })).toBeVisible();
    await context.close();
  });

  test("filters and searches, with the filters in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Status").selectOption("live");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=live/);
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(2);

    await page.goto("/?q=tanabe");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("link", { name: /Tidal Grid/ })).toBeVisible();

    await page.goto("/?q=no+such+artwork");
    await expect(page.getByText("No artworks match these filters.")).toBeVisible();
  });

  test("opens an artwork and sees its offering, rules and anchored documents", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("link", { name: /Harbour at Dusk, No. 3/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/artworks\/harbour-at-dusk-no-3$/);
    await expect(page.getByRole("heading", { level: 1, name: "Harbour at Dusk, No. 3" })).toBeVisible();
    const offering = page.getByRole("region", { name: "Offering" });
    await expect(offering.getByText("HK$1,000.00")).toBeVisible();
    await expect(offering.getByText("Maximum per investor")).toBeVisible();
    await expect(page.getByRole("region", { name: "Share token rules" }).getByText(/Hong Kong/)).toBeVisible();
    await expect(page.getByText("Verified on-chain")).toHaveCount(4);
    await expect(page.getByRole("region", { name: "Before you invest" })).toBeVisible();
  });

  test("a wallet-free page ships no wallet code", async ({ page }) => {
    const scripts: string[] = [];
    page.on("response", async (res) => {
      if (res.request().resourceType() === "script") scripts.push(await res.text().catch(() => ""));
    });
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((s) => s.includes("eip6963:requestProvider"))).toBe(false);
  });
});

test("the health route reports web, database and chain", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.database.ok).toBe(true);
  expect(body.chain.ok).toBe(true);
  expect(Number(body.chain.blockNumber)).toBeGreaterThan(0);
});
