/**
 * The portfolio as investors would rather see it (issue 15): a seeded investor sees the value of her holdings over
 * time (a chart, a summary in words and a table), the allocation by artwork, her income from distributions and each
 * holding's performance since purchase, with the basis stated; she downloads her yearly statement as a PDF in English
 * and in Chinese (the Chinese one with its CJK font embedded). Axe-clean, at 1280 and 375 wide, in both languages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { expect, installWallet, test } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";
import { E2E_ORIGIN } from "./ports";

const money = (s: string) => Number(s.replace(/[^\d.]/g, ""));

/** The figure of a headline tile by its label. */
const tile = (page: Page, label: string) =>
  page.locator("dt", { hasText: label }).first().locator("xpath=following-sibling::dd[1]");

async function downloadPdf(page: Page, button: string): Promise<Buffer> {
  const form = page.getByTestId("yearly-statement");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: button }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^atelier-statement-\d{4}(-zh-HK)?\.pdf$/);
  const path = await download.path();
  return readFileSync(path);
}

test.describe("portfolio insights", () => {
  test("mei sees value over time, allocation, income and performance, and downloads her yearly PDF in EN and 中文", async ({
    page,
  }, testInfo) => {
    await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/portfolio" });
    await page.goto("/portfolio");

    const insights = page.getByRole("region", { name: "Performance" });
    await expect(insights.getByTestId("portfolio-basis")).toContainText(
      "Valued at the last trade price, or the latest appraisal ÷ the artwork's number of shares where there is no trade",
    );

    // The chart: its canvas loads when in view; the caption says the same in words; a table lists the points.
    const chart = insights.getByTestId("portfolio-value-chart");
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.getByTestId("price-chart-canvas")).toHaveAttribute("data-ready", "true");
    await expect(chart.locator("figcaption")).toContainText(/\d+ points? from .+ to .+: first HK\$.+, now HK\$/);
    await chart.getByText("Show the figures as a table").click();
    const rows = page.getByTestId("portfolio-value-table").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(1);
    // The newest point is the value of the holdings today, as the headline says.
    const total = money(await tile(page, "Value of holdings").innerText());
    expect(total).toBeGreaterThan(0);
    expect(money(await rows.first().locator("td").last().innerText())).toBe(total);

    // Allocation: one bar per holding, the shares adding up to 100 % (rounded to 0.1 % each).
    const holdings = await page.getByRole("table", { name: "Holdings", exact: true }).locator("tbody tr").count();
    const allocation = page.getByTestId("portfolio-allocation").getByRole("listitem");
    await expect(allocation).toHaveCount(holdings);
    const shares = await allocation.locator(".sr-only").allInnerTexts();
    const sum = shares.reduce((a, s) => a + Number(/([\d.]+)%/.exec(s)![1]), 0);
    expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.1 * holdings);

    // Income: received, and what she can claim now (streamed in).
    expect(money(await page.getByTestId("portfolio-income-received").innerText())).toBeGreaterThanOrEqual(0);
    await expect(page.getByTestId("portfolio-income-claimable")).toHaveText(/HK\$[\d,]+\.\d\d/);

    // Performance: each holding, value + distributions − cost = gain.
    const perf = page.getByTestId("portfolio-performance").locator("tbody tr");
    await expect(perf).toHaveCount(holdings);
    for (let i = 0; i < holdings; i++) {
      const cell = async (col: string) => money(await perf.nth(i).locator(`[data-col="${col}"]`).innerText());
      const gainText = await perf.nth(i).locator('[data-col="gain"]').innerText();
      const sign = gainText.trim().startsWith("−") ? -1 : 1;
      const gain = sign * money(gainText.split("(")[0]!);
      expect(gain).toBeCloseTo((await cell("value")) + (await cell("distributions")) - (await cell("cost")), 2);
    }

    await expectNoAxeViolations(page, { label: "portfolio (en)" });
    await page.screenshot({ path: testInfo.outputPath("portfolio-insights-1280-en.png"), fullPage: true });

    // The yearly statement, in English.
    const year = await page.getByTestId("yearly-statement").getByRole("combobox", { name: "Year" }).inputValue();
    const en = await downloadPdf(page, "Download yearly statement (PDF)");
    expect(en.subarray(0, 5).toString()).toBe("%PDF-");
    expect(en.toString("latin1")).toContain("/BaseFont /Helvetica");
    writeFileSync(testInfo.outputPath("statement-en.pdf"), en);
    // The same year by its address answers the same kind of file.
    const again = await page.request.get(`/portfolio/statement.pdf?year=${year}`);
    expect(again.headers()["content-type"]).toBe("application/pdf");

    // In Chinese: the page, then the statement with its CJK font embedded.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-HK", url: E2E_ORIGIN }]);
    await page.goto("/portfolio");
    await expect(page.getByRole("region", { name: "表現" }).getByTestId("portfolio-basis")).toContainText(
      "按最後成交價估值",
    );
    await expect(page.getByTestId("portfolio-value-chart").locator("figcaption")).toContainText("個數據點");
    await expectNoAxeViolations(page, { label: "portfolio (zh-HK)" });
    await page.getByTestId("portfolio-value-chart").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("price-chart-canvas")).toHaveAttribute("data-ready", "true");
    await page.screenshot({ path: testInfo.outputPath("portfolio-insights-1280-zh.png"), fullPage: true });
    const zh = await downloadPdf(page, "下載年度結單（PDF）");
    expect(zh.subarray(0, 5).toString()).toBe("%PDF-");
    expect(zh.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKtc-Regular/);
    writeFileSync(testInfo.outputPath("statement-zh.pdf"), zh);
  });

  test("without a session there is no statement; a year that is not a year is refused in words", async ({
    request,
    page,
  }) => {
    const anonymous = await request.get("/portfolio/statement.pdf?year=2026");
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.text()).toContain("Sign in to download your statement.");
    await installWallet(page, "mei");
    await signInWithTestWallet(page, { next: "/portfolio" });
    const bad = await page.request.get("/portfolio/statement.pdf?year=1999");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toMatch(/Choose a year from 2000 to \d{4}\./);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

    test("the insights fit 375 px in English and Chinese, each holding's performance as a card", async ({
      page,
    }, testInfo) => {
      await installWallet(page, "mei");
      await signInWithTestWallet(page, { next: "/portfolio" });
      for (const locale of ["en", "zh-HK"] as const) {
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_ORIGIN }]);
        await page.goto("/portfolio");
        await page.getByTestId("portfolio-value-chart").scrollIntoViewIfNeeded();
        await expect(page.getByTestId("price-chart-canvas")).toHaveAttribute("data-ready", "true");
        const { width, wide } = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          // What sticks out, named, so a failure says where to look.
          wide: [...document.body.querySelectorAll("*")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(-5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? "").slice(0, 40)}"`),
        }));
        expect(width, `page wider than the screen: ${wide.join(" | ")}`).toBeLessThanOrEqual(375);
        const card = page.getByTestId("portfolio-performance").locator("tbody tr").first();
        await expect(card).toBeVisible();
        const box = await card.locator('[data-col="gain"]').boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(375);
        await page.screenshot({ path: testInfo.outputPath(`portfolio-insights-375-${locale}.png`), fullPage: true });
      }
    });
  });
});
