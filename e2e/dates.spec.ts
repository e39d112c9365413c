/**
 * One date format per locale, in Hong Kong time and labelled: the artwork page's offering times read
 * "5 December 2026, 07:21 HKT" / "2026年12月5日 07:21（香港時間）" — not US style "Dec 5, 2026, 7:21 AM" —
 * and do not move with the visitor's time zone.
 */
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN } from "./ports";

const EN =
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2} HKT$/;
const ZH = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（香港時間）$/;

async function offeringTimes(page: import("@playwright/test").Page, opens: string, closes: string) {
  const panel = page.getByRole("region", { name: /Offering|發售/ });
  const value = (term: string) => panel.locator("div", { has: page.locator("dt", { hasText: term }) }).locator("dd");
  return [(await value(opens).innerText()).trim(), (await value(closes).innerText()).trim()];
}

test("offering times are Hong Kong time, labelled, one format per locale, whatever the visitor's zone", async ({
  browser,
}) => {
  const ny = await browser.newContext({ timezoneId: "America/New_York" });
  const hk = await browser.newContext({ timezoneId: "Asia/Hong_Kong" });
  const seen: string[][] = [];
  for (const context of [ny, hk]) {
    const page = await context.newPage();
    await page.goto("/artworks/harbour-at-dusk-no-3");
    const en = await offeringTimes(page, "Opens", "Closes");
    for (const t of en) expect(t).toMatch(EN);
    seen.push(en);
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-HK", url: E2E_ORIGIN }]);
    await page.reload();
    for (const t of await offeringTimes(page, "開始", "截止")) expect(t).toMatch(ZH);
    await context.close();
  }
  expect(seen[0]).toEqual(seen[1]);
});
