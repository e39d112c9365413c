import { createSiweMessage, parseSiweMessage } from "viem/siwe";
import { expect, test, type Page } from "@playwright/test";
import { accountOf, addressOf, installWallet, switchNetwork } from "./fixtures/wallet";
import { signInWithTestWallet, signOut } from "./pages/sign-in";

type SignInBody = { message: string; signature: string };

/**
 * Rewrites the body of the sign-in server action on its way to the server, as an attacker
 * controlling the request would. Server actions POST to the page with a `next-action` header.
 */
async function rewriteSignIn(page: Page, rewrite: (body: SignInBody) => Promise<SignInBody>) {
  await page.route("**/sign-in**", async (route) => {
    const req = route.request();
    const body = req.postData() ?? "";
    if (req.method() !== "POST" || !req.headers()["next-action"] || !body.includes('"signature"'))
      return route.continue();
    const args = JSON.parse(body) as [SignInBody];
    args[0] = await rewrite(args[0]);
    await route.continue({ postData: JSON.stringify(args) });
  });
}

/** Captures the sign-in body the page sends, unchanged. */
async function captureSignIn(page: Page): Promise<() => SignInBody | undefined> {
  let captured: SignInBody | undefined;
  await rewriteSignIn(page, async (body) => {
    captured = body;
    return body;
  });
  return () => captured;
}

test.describe("sign-in with Ethereum", () => {
  test("a wallet that moves to another network is told so, and switches back before anything is signed", async ({
    page,
  }) => {
    const requests = await installWallet(page, "mei");
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Connect a wallet" }).click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await dialog.getByRole("button", { name: /Test Wallet/ }).click();
    await expect(dialog).toBeHidden();
    const banner = page.getByRole("status").filter({ hasText: "Your wallet is on another network" });
    await expect(banner).toBeHidden();
    // The user picks another network in their wallet app.
    await switchNetwork(page, 1);
    await expect(banner).toBeVisible();
    expect(requests.some((r) => r.method === "personal_sign")).toBe(false);
    await banner.getByRole("button", { name: /^Switch to / }).click();
    await expect(banner).toBeHidden();
  });

  test("an investor connects, signs in, sees their address and status, and signs out", async ({ page }) => {
    const requests = await installWallet(page, "mei");
    await signInWithTestWallet(page);
    expect(requests.some((r) => r.method === "personal_sign")).toBe(true);
    await page.goto("/account");
    await expect(page.getByText(addressOf("mei"))).toBeVisible();
    await expect(page.getByText("Verified investor")).toBeVisible();
    await signOut(page);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a compliance officer sees the compliance role", async ({ page }) => {
    await installWallet(page, "grace");
    await signInWithTestWallet(page);
    await page.goto("/account");
    await expect(page.getByText(addressOf("grace"))).toBeVisible();
    await expect(page.getByRole("main").getByText("Compliance", { exact: true })).toBeVisible();
  });

  for (const { who, lands, heading, nav } of [
    { who: "grace", lands: "/compliance", heading: "Compliance overview", nav: ["Catalogue", "Compliance"] },
    { who: "lumen", lands: "/issuer", heading: "Issuer console", nav: ["Catalogue", "Issuer"] },
    { who: "admin", lands: "/admin", heading: "Roles", nav: ["Catalogue", "Compliance", "Admin"] },
    { who: "mei", lands: "/portfolio", heading: "Portfolio", nav: ["Catalogue", "Portfolio"] },
  ] as const) {
    test(`${who} lands on ${lands} after sign-in and the header links only what ${who} can open`, async ({ page }) => {
      await installWallet(page, who);
      await signInWithTestWallet(page);
      await expect(page).toHaveURL(new RegExp(`${lands}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
      await expect(links).toHaveText([...nav]);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
        expect((await page.request.get(href)).status(), href).toBe(200);
      // Staff are not told to do investor onboarding.
      await page.goto("/portfolio");
      if (who !== "mei") {
        await expect(page.getByText("This is a staff wallet")).toBeVisible();
        await expect(page.getByRole("link", { name: "Go to onboarding" })).toHaveCount(0);
      }
    });
  }

  test("a forged signature is refused with a clear message", async ({ page }) => {
    await installWallet(page, "mei", { signAs: "david" });
    await signInWithTestWallet(page, { expectSuccess: false });
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "The signature does not match your wallet address.",
    );
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a replayed sign-in message is refused", async ({ page }) => {
    await installWallet(page, "mei");
    const captured = await captureSignIn(page);
    await signInWithTestWallet(page);
    const first = captured();
    expect(first).toBeDefined();
    await signOut(page);

    await page.unrouteAll({ behavior: "wait" });
    await rewriteSignIn(page, async () => first!);
    await signInWithTestWallet(page, { expectSuccess: false });
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This sign-in request was already used.");
  });

  test("a signed-in visitor sent to /sign-in with a crafted next stays on this site", async ({ page }) => {
    await installWallet(page, "mei");
    await signInWithTestWallet(page);
    for (const next of [
      "/.//evil.example/phish",
      "/%2e//evil.example/phish",
      "/portfolio/..//evil.example/phish",
      "/./%5Cevil.example/phish",
      "/./\\evil.example/phish",
    ]) {
      const res = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(res.status(), next).toBe(307);
      const location = res.headers()["location"] ?? "";
      expect(location, next).toBe("/portfolio");
      expect(new URL(location, page.url()).origin, next).toBe(new URL(page.url()).origin);
    }
    // A genuine next path still works.
    const res = await page.request.get(`/sign-in?next=${encodeURIComponent("/account")}`, { maxRedirects: 0 });
    expect(res.headers()["location"]).toBe("/account");
  });

  for (const [what, change, text] of [
    [
      "another domain",
      { domain: "atelier-login.example", uri: "https://atelier-login.example" },
      "The message was prepared for a different website.",
    ],
    ["another chain", { chainId: 1 }, "The message was signed for a different network."],
  ] as const) {
    test(`a message for ${what} is refused, even when properly signed`, async ({ page }) => {
      await installWallet(page, "mei");
      const account = accountOf("mei");
      await rewriteSignIn(page, async ({ message }) => {
        const parsed = parseSiweMessage(message);
        const forged = createSiweMessage({
          ...(parsed as Parameters<typeof createSiweMessage>[0]),
          ...change,
        });
        return { message: forged, signature: await account.signMessage({ message: forged }) };
      });
      await signInWithTestWallet(page, { expectSuccess: false });
      await expect(page.getByRole("main").getByRole("alert")).toContainText(text);
    });
  }
});

test("'Sign out everywhere' ends the wallet's sessions in other browsers too", async ({ page, browser }) => {
  await installWallet(page, "mei");
  await signInWithTestWallet(page);
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await installWallet(laptop, "mei");
  await signInWithTestWallet(laptop);
  await laptop.goto("/account");
  await expect(laptop.getByText(addressOf("mei"))).toBeVisible();

  await page.goto("/account");
  await page.getByRole("main").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The laptop still holds its cookie, but the server refuses it.
  await laptop.goto("/account");
  await expect(laptop).toHaveURL(/\/sign-in/);
  await other.close();
});
