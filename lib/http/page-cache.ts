/**
 * The public page cache: the HTML of the catalogue and the artwork pages, rendered once and served to every
 * anonymous visitor until what it shows changes (see `proxy.ts`, which serves and fills it).
 *
 * Freshness: every entry carries the page epoch it was rendered at. The epoch (a row of `page_epochs`, see
 * `lib/db/page-epoch.ts`) moves when something a public page shows changes — the indexer recorded events (a sale, a
 * trade, a distribution, a pause), or a server action changed the database (a listing went on-chain, an update was
 * published) — never for a new block with nothing in it. Each instance learns the epoch from its own writes at once
 * and from the other instances' within a second (`lib/jobs/page-epoch.ts`). An entry also lives at most `ttlMs`, for
 * what changes with the clock alone (an offering's "opens in 2 days").
 *
 * What a page depends on is in its key: path and query, language and theme. A visitor with a session or a block floor
 * (someone who just wrote) is never served from here: their next page is rendered for them (read-your-writes).
 *
 * The CSP nonce: each response gets a fresh nonce, written into the cached HTML in place of the one it was rendered
 * with (kept as the parts between the nonce's occurrences), so a cached page is never served twice with one nonce.
 *
 * Plain module with its state on globalThis: the proxy, the indexer and the server actions of one process share it.
 */

export type CachedPage = {
  /** The HTML split at each occurrence of the nonce it was rendered with. */
  parts: string[];
  /** Response headers to replay (content type, links); never cookies or the security headers. */
  headers: [string, string][];
  epoch: number;
  storedAt: number;
  bytes: number;
};

type Store = {
  /** The latest page epoch this process knows; null until it has read one (nothing is cached before). */
  epoch: number | null;
  pages: Map<string, CachedPage>;
  bytes: number;
  /** Renders in flight, one per key: concurrent misses wait for the same render (until its deadline). */
  filling: Map<string, { job: Promise<CachedPage | null>; startedAt: number }>;
  stats: { hits: number; misses: number; invalidations: number; timeouts: number };
};

const g = globalThis as unknown as { __atelierPageCache?: Store };
function store(): Store {
  return (g.__atelierPageCache ??= {
    epoch: null,
    pages: new Map(),
    bytes: 0,
    filling: new Map(),
    stats: { hits: 0, misses: 0, invalidations: 0, timeouts: 0 },
  });
}

export const PAGE_CACHE_LIMITS = { maxEntries: 500, maxBytes: 64 * 1024 * 1024 };

/** The cookies a public page reads (language, theme), the only ones passed to the render that fills the cache. */
export const PAGE_VARY_COOKIES = ["NEXT_LOCALE", "theme"] as const;
/** Cookies that make a request personal: never served from, nor stored in, the cache. */
export const PERSONAL_COOKIES = ["atelier_session", "atelier-block"] as const;

/** Paths whose HTML is the same for every anonymous visitor: the catalogue and an artwork's page. */
const CACHEABLE_PATH = /^\/(?:artworks\/[^/]+)?$/;

/** In a page rendered without its live data (the chain did not answer): never cached. */
export const DEGRADED_MARKER = "data-atelier-degraded";

/** The header that marks the proxy's own render of a page it is filling (served normally, never from the cache). */
export const PAGE_FILL_HEADER = "x-atelier-page-fill";

type RequestLike = { method: string; url: string; headers: Headers };

/** The language a request reads in, as `lib/i18n/request.ts` decides it (cookie, else Accept-Language). */
function localeOf(cookie: string | undefined, acceptLanguage: string | null): string {
  if (cookie === "en" || cookie === "zh-HK") return cookie;
  return /\bzh\b|zh-(hk|tw|hant)/i.test(acceptLanguage ?? "") ? "zh-HK" : "en";
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/**
 * The cache key of a request, or null when it must be rendered for this visitor: not a GET of a document, not a
 * cacheable path, a client navigation or prefetch (RSC), the cache's own fill, or a personal cookie.
 */
export function pageCacheKey(request: RequestLike): { key: string; locale: string; theme: string } | null {
  if (request.method !== "GET") return null;
  const h = request.headers;
  if (h.has(PAGE_FILL_HEADER) || h.has("rsc") || h.has("next-router-prefetch") || h.has("next-action")) return null;
  const url = new URL(request.url);
  if (!CACHEABLE_PATH.test(url.pathname)) return null;
  const cookies = parseCookies(h.get("cookie"));
  if (PERSONAL_COOKIES.some((name) => cookies.has(name))) return null;
  const locale = localeOf(cookies.get("NEXT_LOCALE"), h.get("accept-language"));
  const theme = cookies.get("theme") === "dark" ? "dark" : cookies.get("theme") === "light" ? "light" : "";
  const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams(query).toString();
  return { key: `${locale}|${theme}|${url.pathname}${search ? `?${search}` : ""}`, locale, theme };
}

/** The page as it was rendered, split at its nonce so each response can carry its own. */
export function splitAtNonce(html: string, nonce: string | null): string[] {
  return nonce ? html.split(nonce) : [html];
}

/** The cached page's HTML with `nonce` in place of the one it was rendered with. */
export function pageHtml(page: CachedPage, nonce: string): string {
  return page.parts.join(nonce);
}

/** A fresh entry for `key` at the current epoch, or null (none, expired, or rendered before the epoch moved). */
export function getCachedPage(key: string, ttlMs: number, now = Date.now()): CachedPage | null {
  const s = store();
  const page = s.pages.get(key);
  if (!page) return null;
  if (page.epoch !== s.epoch || now - page.storedAt > ttlMs) {
    drop(s, key, page);
    return null;
  }
  // Least recently used goes first: move to the end.
  s.pages.delete(key);
  s.pages.set(key, page);
  s.stats.hits += 1;
  return page;
}

function drop(s: Store, key: string, page: CachedPage) {
  s.pages.delete(key);
  s.bytes -= page.bytes;
}

/**
 * How long a visitor waits for a render that fills the cache. Past it the visitor's request is rendered as if there
 * were no cache (`null`), and the next miss starts a render of its own instead of joining one that may never end —
 * a render that hangs (a self-request lost while the server restarted, a fetch whose abort never fired) must never
 * hold a public page hostage.
 */
export const FILL_DEADLINE_MS = 6_000;

/**
 * Renders `key` once (`render` gives the page or null: not cacheable) and stores it at the epoch read before the
 * render started, so a change during the render leaves it already stale. Concurrent callers share the render.
 * Null when the epoch is not known yet (the cache starts empty and stays off until it is). Each caller waits at
 * most `deadlineMs` (then gets null); the render itself may still finish and be stored.
 */
export function fillPage(
  key: string,
  render: () => Promise<Omit<CachedPage, "epoch" | "storedAt" | "bytes"> | null>,
  deadlineMs = FILL_DEADLINE_MS,
): Promise<CachedPage | null> | null {
  const s = store();
  const epoch = s.epoch;
  if (epoch === null) return null;
  const now = Date.now();
  const running = s.filling.get(key);
  const job = running && now - running.startedAt < deadlineMs ? running.job : startFill(s, key, epoch, render);
  return withDeadline(job, running && job === running.job ? deadlineMs - (now - running.startedAt) : deadlineMs, () => {
    s.stats.timeouts += 1;
    console.warn(`[page-cache] the render of ${key} took over ${deadlineMs} ms; this visitor's page is rendered apart`);
  });
}

function startFill(
  s: Store,
  key: string,
  epoch: number,
  render: () => Promise<Omit<CachedPage, "epoch" | "storedAt" | "bytes"> | null>,
): Promise<CachedPage | null> {
  s.stats.misses += 1;
  const entry = { job: Promise.resolve<CachedPage | null>(null), startedAt: Date.now() };
  s.filling.set(key, entry);
  entry.job = (async () => {
    try {
      const rendered = await render();
      if (!rendered) return null;
      const bytes = rendered.parts.reduce((n, p) => n + p.length, 0);
      const page: CachedPage = { ...rendered, epoch, storedAt: Date.now(), bytes };
      const old = s.pages.get(key);
      if (old) drop(s, key, old);
      s.pages.set(key, page);
      s.bytes += bytes;
      for (const [k, p] of s.pages) {
        if (s.pages.size <= PAGE_CACHE_LIMITS.maxEntries && s.bytes <= PAGE_CACHE_LIMITS.maxBytes) break;
        drop(s, k, p);
      }
      return page;
    } finally {
      // Only this render's own entry: a newer one may have replaced it after the deadline.
      if (s.filling.get(key) === entry) s.filling.delete(key);
    }
  })();
  return entry.job;
}

/** `job`, or null once `ms` have passed (the job's own failure still rejects). */
function withDeadline(job: Promise<CachedPage | null>, ms: number, onLate: () => void): Promise<CachedPage | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(
      () => {
        onLate();
        resolve(null);
      },
      Math.max(0, ms),
    );
  });
  return Promise.race([job, late]).finally(() => clearTimeout(timer));
}

/**
 * This process learns the page epoch (its own bump, or the poll of the shared row): when it moved, every entry
 * rendered before is stale. Never moves backwards (a slow poll answering after a bump).
 */
export function notePageEpoch(epoch: number): void {
  const s = store();
  if (s.epoch !== null && epoch <= s.epoch) return;
  if (s.epoch !== null) s.stats.invalidations += 1;
  s.epoch = epoch;
  s.pages.clear();
  s.bytes = 0;
}

/** For `/api/health` and the bench: entries, bytes, hits, misses, invalidations, renders past the deadline, the epoch. */
export function pageCacheStats() {
  const s = store();
  return { epoch: s.epoch, entries: s.pages.size, bytes: s.bytes, ...s.stats };
}

/** Tests: forget everything. */
export function resetPageCache(): void {
  delete g.__atelierPageCache;
}
