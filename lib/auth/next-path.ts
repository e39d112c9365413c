const BASE = "http://atelier.invalid";

/** A path that a browser would read as another host (`//host`, `/\host`), even once percent-decoded. */
const OTHER_HOST = /^\/[/\\]/;
/** Encoded or literal separators, NUL and control characters: no page of ours uses them in a path. */
const UNSAFE_IN_PATH = /%2f|%5c|%00|\\|[\u0000-\u001f\u007f]/i;

/**
 * The path to return to after sign-in: a same-origin relative path, else the fallback.
 *
 * The checks run on the path after WHATWG URL normalisation (dot segments, `%2e`, `\` → `/`), the
 * way a browser will read the `Location` header, so `/.//evil`, `/%2e//evil`, `/a/..//evil` and
 * `/./\evil` cannot become `//evil`. The result normalises to itself, so applying this twice gives
 * the same answer.
 */
export function safeNextPath(next: unknown, fallback = "/portfolio"): string {
  if (typeof next !== "string" || next.length > 512 || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname;
  if (OTHER_HOST.test(path) || UNSAFE_IN_PATH.test(path)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  if (OTHER_HOST.test(decoded)) return fallback;
  if (path.replace(/\/+$/, "") === "/sign-in") return fallback;
  const out = `${path}${url.search}${url.hash}`;
  // Idempotence: what we return must normalise to exactly itself.
  if (new URL(out, BASE).href !== url.href) return fallback;
  return out;
}
