/** Section 3: first-load JavaScript per route (raw + gzip -9), inline messages, wallet code markers. */
import path from "node:path";
import type { Address } from "viem";
import { measureRouteJs, type RouteJs } from "../js";
import { kB, log, printTable } from "../lib";
import { MARKET_SLUG, MEI, sessionCookie } from "../market";
import type { Stack } from "../stack";
import { GRACE, LUMEN, ports, summary } from "./context";

export const JS_TARGET = 150 * 1024;
/** Wallet pages (signed-in routes and sign-in): first-load JS, and the inline messages of any page. */
export const WALLET_JS_TARGET = 190 * 1024;
export const INLINE_MESSAGES_TARGET = 10 * 1024;

export async function runJs(stack: Stack, artworkPath: string, bareUp: boolean): Promise<void> {
  const routes = ["/", artworkPath, "/sign-in"];
  const results: RouteJs[] = [];
  for (const r of routes) results.push(await measureRouteJs(stack.origin, r));
  // Signed-in routes, each as the role that uses it (a session cookie minted from the bench's secret).
  const signedIn: { route: string; as: Address; who: string }[] = [
    { route: "/account/wallets", as: MEI, who: "investor" },
    { route: "/portfolio", as: MEI, who: "investor" },
    { route: `${artworkPath}/buy`, as: MEI, who: "investor" },
    { route: `/artworks/${MARKET_SLUG}/trade`, as: MEI, who: "investor" },
    { route: "/onboarding", as: MEI, who: "investor" },
    { route: "/issuer", as: LUMEN, who: "issuer" },
    { route: "/compliance", as: GRACE, who: "compliance" },
    { route: "/compliance/kyc", as: GRACE, who: "compliance" },
  ];
  // The heaviest pages of their areas, found by the first link of their kind on a list page.
  const deeper: { list: string; link: RegExp; as: Address; who: string }[] = [
    { list: "/issuer", link: /\/issuer\/artworks\/[0-9a-f-]{36}(?=")/, as: LUMEN, who: "issuer" },
    { list: "/compliance/tokens", link: /\/compliance\/tokens\/0x[0-9a-fA-F]{40}(?=")/, as: GRACE, who: "compliance" },
    { list: "/compliance/kyc", link: /\/compliance\/kyc\/[0-9a-f-]{36}(?=")/, as: GRACE, who: "compliance" },
    { list: "/compliance/wallets", link: /\/compliance\/wallets(?=")/, as: GRACE, who: "compliance" },
    { list: "/compliance/listings", link: /\/compliance\/listings(?=")/, as: GRACE, who: "compliance" },
  ];
  for (const d of deeper) {
    const cookie = await sessionCookie(stack, d.as);
    const html = await fetch(`${stack.origin}${d.list}`, { headers: { cookie } }).then((r) => r.text());
    const route = d.link.exec(html)?.[0];
    if (route) signedIn.push({ route, as: d.as, who: d.who });
    else log(`no link like ${d.link} on ${d.list}: not measured`);
    // An investor's page, from the token register's holders.
    const investor = route?.startsWith("/compliance/tokens/")
      ? /\/compliance\/investors\/[0-9a-f-]{36}(?=")/.exec(
          await fetch(`${stack.origin}${route}`, { headers: { cookie } }).then((r) => r.text()),
        )?.[0]
      : undefined;
    if (investor) signedIn.push({ route: investor, as: d.as, who: d.who });
  }
  for (const r of signedIn)
    results.push({
      ...(await measureRouteJs(stack.origin, r.route, { cookie: await sessionCookie(stack, r.as) })),
      route: `${r.route} (${r.who})`,
    });
  // Baseline: what Next.js + React alone ship to a page with no client component.
  if (bareUp)
    results.push({ ...(await measureRouteJs(`http://127.0.0.1:${ports.bare}`, "/")), route: "bare Next.js /" });
  summary.js = {
    routes: results,
    targetGzipBytes: JS_TARGET,
    walletTargetGzipBytes: WALLET_JS_TARGET,
    inlineMessagesTargetGzipBytes: INLINE_MESSAGES_TARGET,
  };
  // The 150 kB target is for the public pages a visitor browses without a wallet: the catalogue and an artwork;
  // 190 kB for the wallet pages (sign-in and the signed-in routes); no page's inline messages over 10 kB gzip.
  const public_ = (r: RouteJs) => r.route === "/" || /^\/artworks\/[^/]+$/.test(r.route);
  const jsTarget = (r: RouteJs) => (r.route.startsWith("bare") ? null : public_(r) ? JS_TARGET : WALLET_JS_TARGET);
  const verdict = (bytes: number, target: number | null, r: RouteJs) =>
    target === null || r.error ? "–" : `${bytes <= target ? "within" : "OVER"} ${kB(target)}`;
  printTable(
    "First-load JavaScript and inline messages per route (every /_next/static script of the served HTML except nomodule polyfills; the next-intl messages its RSC payload carries, en / zh-HK; gzip level 9)",
    [
      "route",
      "served",
      "status",
      "scripts",
      "raw",
      "gzip",
      "JS target",
      "msgs en",
      "msgs zh",
      "msgs ≤10 kB",
      "wallet markers",
    ],
    results.map((r) => {
      const msgs = Math.max(r.messages.gzipBytes, r.messagesZh.gzipBytes);
      return [
        r.route,
        r.error ? "ERROR" : r.finalUrl,
        r.status,
        r.scripts,
        kB(r.rawBytes),
        kB(r.gzipBytes),
        verdict(r.gzipBytes, jsTarget(r), r),
        kB(r.messages.gzipBytes),
        kB(r.messagesZh.gzipBytes),
        r.route.startsWith("bare") || r.error ? "–" : msgs <= INLINE_MESSAGES_TARGET ? "within" : "OVER",
        r.error ? r.error : r.markers.length ? r.markers.join(",") : "none",
      ];
    }),
  );
  for (const r of results) {
    if (!r.largest.length) continue;
    console.log(
      `  ${r.route} largest: ${r.largest.map((c) => `${path.basename(c.url)} ${kB(c.gzipBytes)}${c.markers.length ? ` [${c.markers.join(",")}]` : ""}`).join("; ")}`,
    );
  }
}
