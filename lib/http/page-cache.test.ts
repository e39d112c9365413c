import { afterEach, describe, expect, it } from "vitest";
import {
  fillPage,
  getCachedPage,
  notePageEpoch,
  PAGE_CACHE_LIMITS,
  PAGE_FILL_HEADER,
  pageCacheKey,
  pageCacheStats,
  pageHtml,
  resetPageCache,
  splitAtNonce,
} from "./page-cache";

const get = (path: string, headers: Record<string, string> = {}) => ({
  method: "GET",
  url: `http://127.0.0.1:3000${path}`,
  headers: new Headers({ accept: "text/html", ...headers }),
});

const rendered = (html: string, nonce: string | null = null) => ({
  parts: splitAtNonce(html, nonce),
  headers: [["content-type", "text/html; charset=utf-8"]] as [string, string][],
});

afterEach(() => resetPageCache());

describe("pageCacheKey", () => {
  it("keys the catalogue and an artwork page by language, theme, path and sorted query", () => {
    expect(pageCacheKey(get("/"))?.key).toBe("en||/");
    expect(pageCacheKey(get("/artworks/still-life"))?.key).toBe("en||/artworks/still-life");
    expect(pageCacheKey(get("/?status=live&artist=A"))?.key).toBe("en||/?artist=A&status=live");
    expect(pageCacheKey(get("/?artist=A&status=live"))?.key).toBe(pageCacheKey(get("/?status=live&artist=A"))?.key);
  });

  it("reads the language as the app does: the cookie first, else Accept-Language", () => {
    expect(pageCacheKey(get("/", { cookie: "NEXT_LOCALE=zh-HK" }))?.locale).toBe("zh-HK");
    expect(pageCacheKey(get("/", { "accept-language": "zh-HK,zh;q=0.9" }))?.locale).toBe("zh-HK");
    expect(pageCacheKey(get("/", { "accept-language": "zh-HK", cookie: "NEXT_LOCALE=en" }))?.locale).toBe("en");
    expect(pageCacheKey(get("/", { "accept-language": "fr-FR" }))?.locale).toBe("en");
    expect(pageCacheKey(get("/", { cookie: "theme=dark" }))?.key).toBe("en|dark|/");
    // Anything else in a cookie is not part of the page: one entry.
    expect(pageCacheKey(get("/", { cookie: "theme=purple; other=1" }))?.key).toBe("en||/");
  });

  it("never caches a personal request, another path, a client navigation or the cache's own render", () => {
    expect(pageCacheKey(get("/", { cookie: "atelier_session=abc" }))).toBeNull();
    expect(pageCacheKey(get("/", { cookie: "theme=dark; atelier-block=12" }))).toBeNull();
    expect(pageCacheKey(get("/portfolio"))).toBeNull();
    expect(pageCacheKey(get("/artworks/a/buy"))).toBeNull();
    expect(pageCacheKey(get("/api/health"))).toBeNull();
    expect(pageCacheKey(get("/", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(get("/", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageCacheKey(get("/", { [PAGE_FILL_HEADER]: "1" }))).toBeNull();
    expect(pageCacheKey({ ...get("/"), method: "POST" })).toBeNull();
  });
});

describe("the cached page", () => {
  it("is served with each response's own nonce in place of the one it was rendered with", async () => {
    notePageEpoch(1);
    const html = '<script nonce="N0nce+/=">a</script><p>N0nce+/= is text too</p><script nonce="N0nce+/=">b</script>';
    await fillPage("k", async () => rendered(html, "N0nce+/="));
    const page = getCachedPage("k", 60_000)!;
    const first = pageHtml(page, "AAA");
    const second = pageHtml(page, "BBB");
    expect(first).toBe('<script nonce="AAA">a</script><p>AAA is text too</p><script nonce="AAA">b</script>');
    expect(second).not.toContain("AAA");
    expect(second).not.toContain("N0nce");
  });

  it("is dropped when the epoch moves, and by age", async () => {
    notePageEpoch(1);
    await fillPage("k", async () => rendered("<p>1</p>"));
    expect(getCachedPage("k", 60_000)).not.toBeNull();
    notePageEpoch(2);
    expect(getCachedPage("k", 60_000)).toBeNull();
    await fillPage("k", async () => rendered("<p>2</p>"));
    const t = Date.now();
    expect(getCachedPage("k", 1_000, t + 999)).not.toBeNull();
    expect(getCachedPage("k", 1_000, t + 60_000)).toBeNull();
  });

  it("never moves the epoch back (a slow poll after this instance's own bump)", async () => {
    notePageEpoch(5);
    await fillPage("k", async () => rendered("<p>5</p>"));
    notePageEpoch(4);
    expect(getCachedPage("k", 60_000)).not.toBeNull();
    expect(pageCacheStats().epoch).toBe(5);
  });

  it("rendered while the epoch moved is stale at once (it may show the state from before)", async () => {
    notePageEpoch(1);
    let release!: () => void;
    const fill = fillPage("k", () => new Promise((r) => (release = () => r(rendered("<p>old</p>")))));
    notePageEpoch(2);
    release();
    await fill;
    expect(getCachedPage("k", 60_000)).toBeNull();
  });

  it("is rendered once for concurrent misses, and not at all before the epoch is known", async () => {
    expect(fillPage("k", async () => rendered("<p>x</p>"))).toBeNull();
    notePageEpoch(1);
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 10));
      return rendered("<p>x</p>");
    };
    const pages = await Promise.all([fillPage("k", render), fillPage("k", render), fillPage("k", render)]);
    expect(renders).toBe(1);
    expect(new Set(pages).size).toBe(1);
    expect(pageCacheStats()).toMatchObject({ entries: 1, misses: 1 });
  });

  it("keeps at most its limit of entries, the least recently used going first", async () => {
    notePageEpoch(1);
    for (let i = 0; i < PAGE_CACHE_LIMITS.maxEntries; i++) await fillPage(`k${i}`, async () => rendered(`<p>${i}</p>`));
    expect(getCachedPage("k0", 60_000)).not.toBeNull(); // k0 is now the most recent
    await fillPage("extra", async () => rendered("<p>extra</p>"));
    expect(pageCacheStats().entries).toBe(PAGE_CACHE_LIMITS.maxEntries);
    expect(getCachedPage("k1", 60_000)).toBeNull();
    expect(getCachedPage("k0", 60_000)).not.toBeNull();
  });

  it("never holds a visitor past the deadline: a render that hangs gives null, and the next miss renders anew", async () => {
    notePageEpoch(1);
    const never = () => new Promise<never>(() => {});
    const started = Date.now();
    expect(await fillPage("k", never, 50)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(pageCacheStats().timeouts).toBe(1);
    // A miss within the deadline joins the render in flight; one after it starts its own, which is stored.
    let renders = 0;
    const page = await fillPage(
      "k",
      async () => {
        renders += 1;
        return rendered("<p>fresh</p>");
      },
      50,
    );
    expect(renders).toBe(1);
    expect(page?.parts).toEqual(["<p>fresh</p>"]);
    expect(getCachedPage("k", 60_000)?.parts).toEqual(["<p>fresh</p>"]);
  });

  it("lets a caller within the deadline wait for the render in flight", async () => {
    notePageEpoch(1);
    let release!: () => void;
    const first = fillPage("k", () => new Promise((r) => (release = () => r(rendered("<p>slow</p>")))), 10_000);
    let renders = 0;
    const second = fillPage(
      "k",
      async () => {
        renders += 1;
        return rendered("<p>other</p>");
      },
      10_000,
    );
    release();
    expect((await first)?.parts).toEqual(["<p>slow</p>"]);
    expect((await second)?.parts).toEqual(["<p>slow</p>"]);
    expect(renders).toBe(0);
  });

  it("stores nothing for a render that is not cacheable (not 200 HTML)", async () => {
    notePageEpoch(1);
    expect(await fillPage("k", async () => null)).toBeNull();
    expect(pageCacheStats().entries).toBe(0);
  });
});
