import { expect, test, type Page } from "@playwright/test";
import { installWallet } from "./fixtures/wallet";
import { signInWithTestWallet } from "./pages/sign-in";

const ARTWORK = "/artworks/harbour-at-dusk-no-3";

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleHits: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) consoleHits.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [...consoleHits, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  // The e2e origin is http: no HSTS (it would pin a local host to https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test.describe("security headers", () => {
  test("pages, route handlers, documents and media carry the CSP, COOP and nosniff; each page its own nonce", async ({
    request,
  }) => {
    // A document and an image the artwork page links to (images go through next/image, URL-encoded).
    const artworkHtml = (await (await request.get(ARTWORK)).text()).replace(/%2F/gi, "/");
    const documentHref = /\/documents\/[0-9a-f-]{36}/.exec(artworkHtml)?.[0];
    const mediaSrc = /\/media\/artworks\/[^"&?\s]+\.(?:webp|jpg|jpeg|png|avif)/.exec(artworkHtml)?.[0];
    expect(documentHref).toBeTruthy();
    expect(mediaSrc).toBeTruthy();
    const nonces = new Set<string>();
    for (const path of ["/", ARTWORK, "/sign-in", "/api/health", documentHref!, mediaSrc!]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expectSecurityHeaders(res.headers(), path);
      nonces.add(/'nonce-([^']+)'/.exec(res.headers()["content-security-policy"]!)![1]!);
    }
    expect(nonces.size).toBeGreaterThanOrEqual(5);
    // The nonce in the header is the one on the page's scripts.
    const res = await request.get("/");
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"]!)![1]!;
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html.match(/<script(?![^>]*\bnonce=)[^>]*>/g) ?? []).toEqual([]);
  });

  test("a cached public page is served with a fresh nonce each time, never to a signed-in visitor, and not as no-store", async ({
    request,
  }) => {
    const seen: { state: string; nonce: string; html: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await request.get(ARTWORK);
      expect(res.status()).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"]!)![1]!;
      seen.push({ state: res.headers()["x-atelier-page-cache"]!, nonce, html: await res.text() });
    }
    // Rendered once, then served from the cache: the same page, each time with its own nonce on every script.
    expect(seen.slice(1).map((s) => s.state)).toEqual(["hit", "hit"]);
    expect(new Set(seen.map((s) => s.nonce)).size).toBe(3);
    for (const { nonce, html } of seen) {
      expect(html).toContain(`nonce="${nonce}"`);
      for (const other of seen) if (other.nonce !== nonce) expect(html).not.toContain(other.nonce);
    }
    const res = await request.get(ARTWORK);
    // The browser may keep it for back and forward: no `no-store`.
    expect(res.headers()["cache-control"]).toBe("private, no-cache");
    // Language and a personal cookie: another entry, or no cache at all.
    const zh = await request.get(ARTWORK, { headers: { "accept-language": "zh-HK" } });
    expect(await zh.text()).toContain('lang="zh-HK"');
    const personal = await request.get(ARTWORK, { headers: { cookie: "atelier-block=1" } });
    expect(personal.headers()["x-atelier-page-cache"]).toBeUndefined();
  });

  test("the catalogue, an artwork, sign-in and a wallet page raise no CSP violation and still work", async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    await installWallet(page, "mei");
    await page.goto("/");
    await expect(page.getByRole("link", { name: /Harbour at Dusk, No. 3/ }).first()).toBeVisible();
    await page.goto(ARTWORK);
    await expect(page.getByRole("heading", { level: 1, name: "Harbour at Dusk, No. 3" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
    // Sign-in runs the wallet island (wagmi, the connect dialog, the SIWE signature) under the policy.
    // Its server-action posts bypass proxy.ts, which would otherwise buffer (and cut at 10 MB) their bodies.
    const actionResponses: Record<string, string>[] = [];
    page.on("response", (res) => {
      if (res.request().method() === "POST" && res.request().headers()["next-action"])
        actionResponses.push(res.headers());
    });
    await signInWithTestWallet(page, { next: "/portfolio" });
    await expect(page).toHaveURL(/\/portfolio/);
    expect(actionResponses.length).toBeGreaterThanOrEqual(2);
    for (const headers of actionResponses) expect(headers["content-security-policy"]).toBeUndefined();
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
    await page.goto("/account");
    await expect(page.getByRole("main").getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
  });
});
