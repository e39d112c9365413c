/**
 * The proxy's side of the public page cache (lib/http/page-cache.ts): for an anonymous visitor's GET of the catalogue
 * or an artwork page, the cached HTML with a fresh nonce, or — on a miss — the page rendered once by the server
 * itself (a request to this instance marked with PAGE_FILL_HEADER, carrying only what the page depends on), stored,
 * then served. Anything that goes wrong here answers null: the request is then rendered as if there were no cache.
 */
import {
  type CachedPage,
  DEGRADED_MARKER,
  fillPage,
  getCachedPage,
  PAGE_FILL_HEADER,
  pageCacheKey,
  pageHtml,
  splitAtNonce,
} from "./page-cache";

const FILL_TIMEOUT_MS = 5_000;

/** The response headers a cached page replays; the security headers are the serving request's own. */
const REPLAYED = ["content-type", "content-language", "link"];

type Serve = {
  request: Request;
  /** How long an entry may live at most (PAGE_CACHE_SECONDS, in ms). */
  ttlMs: number;
  /** Where this instance listens (the fill's own request goes there, not through the load balancer). */
  port: number;
  nonce: string;
  headers: Record<string, string>;
};

const globalForLog = globalThis as unknown as { __atelierPageCacheFailure?: string };

/** Renders the page for the cache: status 200 HTML only; its nonce read from its CSP so it can be replaced. */
async function render(request: Request, port: number, locale: string, theme: string) {
  const url = new URL(request.url);
  const cookie = [`NEXT_LOCALE=${locale}`, ...(theme ? [`theme=${theme}`] : [])].join("; ");
  const headers: Record<string, string> = { accept: "text/html", cookie, [PAGE_FILL_HEADER]: "1" };
  // A render that takes longer (a node that does not answer, retried) is not waited for here: the visitor's own
  // request then renders, and streams, as if there were no cache.
  const res = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
  });
  if (res.status !== 200 || !(res.headers.get("content-type") ?? "").startsWith("text/html")) {
    await res.body?.cancel();
    return null;
  }
  const html = await res.text();
  if (html.includes(DEGRADED_MARKER)) return null;
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? null;
  const replay: [string, string][] = [];
  for (const name of REPLAYED) {
    const value = res.headers.get(name);
    if (value) replay.push([name, value]);
  }
  return { parts: splitAtNonce(html, nonce), headers: replay };
}

/** The cached (or just rendered) page for this request, or null: render it normally. */
export async function servePublicPage({ request, ttlMs, port, nonce, headers }: Serve): Promise<Response | null> {
  const cacheable = pageCacheKey(request);
  if (!cacheable) return null;
  const { key, locale, theme } = cacheable;
  let page: CachedPage | null = getCachedPage(key, ttlMs);
  let state = "hit";
  if (!page) {
    state = "miss";
    try {
      page = await fillPage(key, () => render(request, port, locale, theme));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (globalForLog.__atelierPageCacheFailure !== message) console.error("[page-cache] fill failed:", message);
      globalForLog.__atelierPageCacheFailure = message;
      return null;
    }
  }
  if (!page) return null;
  const out = new Headers(page.headers);
  for (const [name, value] of Object.entries(headers)) out.set(name, value);
  // Not `no-store`: the browser may keep the page for back and forward (it revalidates otherwise).
  out.set("cache-control", "private, no-cache");
  out.set("x-atelier-page-cache", state);
  return new Response(pageHtml(page, nonce), { status: 200, headers: out });
}
