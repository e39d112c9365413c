/**
 * Section 3: first-load JavaScript per route. Fetches the served HTML (following redirects), collects
 * every `<script src>` (except `nomodule` polyfills) and `<link rel=modulepreload|preload as=script>`
 * under /_next/static/, fetches
 * each once, and sums raw and gzip (zlib level 9) sizes. Chunk contents are searched for wallet-stack
 * markers (wagmi, EIP-6963 discovery, viem) that must not load on the catalogue and artwork pages.
 */
import { gzipSync, constants } from "node:zlib";

export const WALLET_MARKERS: Record<string, RegExp> = {
  wagmi: /wagmi/,
  eip6963: /eip6963/i,
  viem: /viem\.sh|viem@/,
  walletconnect: /walletconnect/i,
};

export type RouteJs = {
  route: string;
  finalUrl: string;
  status: number;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  markers: string[];
  largest: { url: string; gzipBytes: number; markers: string[] }[];
  error?: string;
};

const chunkCache = new Map<string, Promise<{ raw: number; gzip: number; markers: string[] }>>();

async function chunkSize(url: string) {
  let p = chunkCache.get(url);
  if (!p) {
    p = (async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      const buf = Buffer.from(await res.arrayBuffer());
      const text = buf.toString("utf8");
      const markers = Object.entries(WALLET_MARKERS)
        .filter(([, re]) => re.test(text))
        .map(([name]) => name);
      return { raw: buf.length, gzip: gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length, markers };
    })();
    chunkCache.set(url, p);
  }
  return p;
}

/** Script URLs (absolute) of /_next/static JavaScript referenced by the HTML. */
export function scriptUrls(html: string, base: string): string[] {
  const urls = new Set<string>();
  const attr = (tag: string, name: string) =>
    tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, "i"))?.[1] ??
    tag.match(new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`, "i"))?.[1];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], "src");
    // `nomodule` scripts (legacy polyfills) are not loaded by the browsers the portal supports.
    if (src && !/\snomodule\b/i.test(m[0])) urls.add(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], "rel") ?? "").toLowerCase();
    const as = (attr(m[0], "as") ?? "").toLowerCase();
    const href = attr(m[0], "href");
    if (!href) continue;
    if (rel === "modulepreload" || (rel === "preload" && as === "script")) urls.add(href);
  }
  return [...urls]
    .map((u) => new URL(u.replace(/&amp;/g, "&"), base))
    .filter((u) => u.pathname.startsWith("/_next/static/") && /\.m?js$/.test(u.pathname))
    .map((u) => u.href);
}

export async function measureRouteJs(
  origin: string,
  route: string,
  { cookie }: { cookie?: string } = {},
): Promise<RouteJs> {
  try {
    const res = await fetch(`${origin}${route}`, {
      redirect: "follow",
      signal: AbortSignal.timeout(60_000),
      ...(cookie ? { headers: { cookie } } : {}),
    });
    const html = await res.text();
    const urls = scriptUrls(html, res.url || `${origin}${route}`);
    const sizes = await Promise.all(urls.map(async (url) => ({ url, ...(await chunkSize(url)) })));
    const markers = [...new Set(sizes.flatMap((s) => s.markers))].sort();
    return {
      route,
      finalUrl: new URL(res.url).pathname + new URL(res.url).search,
      status: res.status,
      scripts: urls.length,
      rawBytes: sizes.reduce((a, s) => a + s.raw, 0),
      gzipBytes: sizes.reduce((a, s) => a + s.gzip, 0),
      markers,
      largest: [...sizes]
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((s) => ({ url: new URL(s.url).pathname, gzipBytes: s.gzip, markers: s.markers })),
    };
  } catch (err) {
    return {
      route,
      finalUrl: "",
      status: 0,
      scripts: 0,
      rawBytes: 0,
      gzipBytes: 0,
      markers: [],
      largest: [],
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
