/**
 * Section 3: first-load JavaScript per route. Fetches the served HTML (following redirects), collects
 * every `<script src>` (except `nomodule` polyfills) and `<link rel=modulepreload|preload as=script>`
 * under /_next/static/, fetches
 * each once, and sums raw and gzip (zlib level 9) sizes. Chunk contents are searched for wallet-stack
 * markers (wagmi, EIP-6963 discovery, viem) that must not load on the catalogue and artwork pages. It also
 * measures the inline messages: the next-intl catalogue slices (`NextIntlClientProvider`'s `messages` props) the
 * HTML's React Server Components payload carries, as they stand in the HTML (escaped), raw and gzip -9.
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
  /** The inline messages of every client i18n provider in the HTML (0 when none): providers, raw and gzip bytes. */
  messages: { providers: number; rawBytes: number; gzipBytes: number };
  /** The same in 繁體中文 (the page fetched again with Accept-Language: zh-HK). */
  messagesZh: { providers: number; rawBytes: number; gzipBytes: number };
  error?: string;
};

/** The RSC payload a server-rendered page inlines (`self.__next_f.push([1, "…"])` chunks), decoded and joined. */
export function flightPayload(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g))
    out += JSON.parse(m[1]!) as string;
  return out;
}

/** The end (exclusive) of the JSON object that opens at `start` (a `{`), skipping strings. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * The `messages` objects of the page's next-intl client providers (their props are serialised in order: formats,
 * locale, messages, …), each as the HTML carries it (a JSON string escaped inside a script), and their total sizes.
 */
export function inlineMessages(html: string): { objects: string[]; rawBytes: number; gzipBytes: number } {
  const flight = flightPayload(html);
  const objects: string[] = [];
  for (const m of flight.matchAll(/"locale":"[^"]*","messages":\{/g)) {
    const start = m.index + m[0].length - 1;
    objects.push(flight.slice(start, objectEnd(flight, start)));
  }
  const escaped = objects.map((o) => JSON.stringify(o).slice(1, -1)).join("");
  const buf = Buffer.from(escaped, "utf8");
  return {
    objects,
    rawBytes: buf.length,
    gzipBytes: buf.length ? gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length : 0,
  };
}

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
    const inline = inlineMessages(html);
    const zh = await fetch(`${origin}${route}`, {
      redirect: "follow",
      signal: AbortSignal.timeout(60_000),
      headers: { "accept-language": "zh-HK", ...(cookie ? { cookie } : {}) },
    });
    const inlineZh = inlineMessages(await zh.text());
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
      messages: { providers: inline.objects.length, rawBytes: inline.rawBytes, gzipBytes: inline.gzipBytes },
      messagesZh: { providers: inlineZh.objects.length, rawBytes: inlineZh.rawBytes, gzipBytes: inlineZh.gzipBytes },
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
      messages: { providers: 0, rawBytes: 0, gzipBytes: 0 },
      messagesZh: { providers: 0, rawBytes: 0, gzipBytes: 0 },
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
