/**
 * Keyset paging, the pure half: a page is the `size` rows after (or before) a cursor, the cursor being the key of the
 * row at the page's edge, carried in the URL (`?after=` / `?before=`, or with a prefix when a page holds two lists), so
 * pages work without JavaScript and a row added or removed elsewhere never shifts a page by one. The database half
 * (lib/paging index) builds the same pages in SQL; `pageInMemory` pages a list already read in full (the order book).
 */

/** Where a page starts: after the row with key `after`, or ending before the row with key `before`; neither: page 1. */
export type PageCursor = { after?: string[]; before?: string[] };

export type Page<T> = {
  rows: T[];
  /** Cursor strings for the next and previous pages (null: there is none). */
  next: string | null;
  prev: string | null;
  /** Rows in the whole list and rows before this page, when cheap to know. */
  total?: number;
  start?: number;
};

/** The search parameter names of a list: `after`/`before`, or `<prefix>After`/`<prefix>Before`. */
export function pageParams(prefix = "") {
  return prefix ? { after: `${prefix}After`, before: `${prefix}Before` } : { after: "after", before: "before" };
}

const b64 = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const unb64 = (s: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/** A row's key (each part as text) as an opaque URL-safe cursor. */
export function encodeCursor(key: readonly string[]): string {
  return b64(JSON.stringify(key));
}

/** The key in a cursor, or null for anything that is not one of ours with `arity` parts (a bad link shows page 1). */
export function decodeCursor(value: string | undefined, arity: number): string[] | null {
  if (!value || value.length > 1_000) return null;
  try {
    const key: unknown = JSON.parse(unb64(value));
    return Array.isArray(key) && key.length === arity && key.every((k) => typeof k === "string") ? key : null;
  } catch {
    return null;
  }
}

/** The cursor of a list from the page's search parameters (`after` wins when both are given). */
export function parsePageCursor(
  sp: Record<string, string | string[] | undefined>,
  arity: number,
  prefix = "",
): PageCursor {
  const names = pageParams(prefix);
  const one = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const after = decodeCursor(one(names.after), arity);
  if (after) return { after };
  const before = decodeCursor(one(names.before), arity);
  return before ? { before } : {};
}

/**
 * The URL of another page of a list: `base` with the page's other search parameters kept (filters, the other list's
 * cursor) and this list's cursor replaced (`to` null: its first page).
 */
export function pageHref(
  base: string,
  sp: Record<string, string | string[] | undefined>,
  prefix: string,
  to: { after: string } | { before: string } | null,
): string {
  const names = pageParams(prefix);
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (k === names.after || k === names.before || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) s.append(k, one);
  }
  if (to && "after" in to) s.set(names.after, to.after);
  if (to && "before" in to) s.set(names.before, to.before);
  const q = s.toString();
  return q ? `${base}?${q}` : base;
}

/**
 * One page of a list already in memory and sorted, by key: `compare(row, key)` says where a row stands against a
 * cursor's key in the list's order (negative: before it). Rows removed since the cursor was made do not shift the page.
 */
export function pageInMemory<T>(
  sorted: readonly T[],
  {
    cursor,
    size,
    keyOf,
    compare,
  }: { cursor: PageCursor; size: number; keyOf: (row: T) => string[]; compare: (row: T, key: string[]) => number },
): Page<T> {
  let from = 0;
  let to = Math.min(size, sorted.length);
  if (cursor.after) {
    const after = cursor.after;
    from = sorted.findIndex((r) => compare(r, after) > 0);
    if (from < 0) from = sorted.length;
    to = Math.min(from + size, sorted.length);
  } else if (cursor.before) {
    const before = cursor.before;
    const end = sorted.findIndex((r) => compare(r, before) >= 0);
    to = end < 0 ? sorted.length : end;
    from = Math.max(0, to - size);
    // A short first page (rows removed before it) is filled up, as page 1 would be.
    if (from === 0) to = Math.min(size, sorted.length);
  }
  // Past the end (the page's last rows were removed since): the last page.
  if (from >= to && sorted.length > 0) {
    to = sorted.length;
    from = Math.max(0, to - size);
  }
  const rows = sorted.slice(from, to);
  return {
    rows,
    next: to < sorted.length && rows.length > 0 ? encodeCursor(keyOf(rows.at(-1)!)) : null,
    prev: from > 0 && rows.length > 0 ? encodeCursor(keyOf(rows[0]!)) : null,
    total: sorted.length,
    start: from,
  };
}

/** "Page 2 of 20" figures from a page's start and total (keyset pages have no number of their own). */
export function pageNumber(page: Pick<Page<unknown>, "start" | "total">, size: number) {
  if (page.start === undefined || page.total === undefined) return null;
  return { page: Math.floor(page.start / size) + 1, pages: Math.max(1, Math.ceil(page.total / size)) };
}
