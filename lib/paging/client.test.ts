import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageHref, pageInMemory, pageNumber, parsePageCursor } from "./client";

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const opts = (cursor: { after?: string[]; before?: string[] }) => ({
  cursor,
  size: 25,
  keyOf: (r: number) => [String(r)],
  compare: (r: number, [k]: string[]) => r - Number(k),
});

describe("keyset pages in memory", () => {
  it("walks 501 rows forwards and back without a skip or a repeat", () => {
    const rows = ids(501);
    const seen: number[] = [];
    let p = pageInMemory(rows, opts({}));
    const firsts: number[] = [];
    for (;;) {
      firsts.push(p.rows[0]!);
      seen.push(...p.rows);
      if (!p.next) break;
      p = pageInMemory(rows, opts({ after: decodeCursor(p.next, 1)! }));
    }
    expect(seen).toEqual(rows);
    expect(pageNumber(p, 25)).toEqual({ page: 21, pages: 21 });
    const back: number[] = [];
    while (p.prev) {
      p = pageInMemory(rows, opts({ before: decodeCursor(p.prev, 1)! }));
      back.unshift(p.rows[0]!);
    }
    expect(back).toEqual(firsts.slice(0, -1));
  });

  it("a removed row does not shift the page; past the end is the last page; before the start is page 1", () => {
    const rows = ids(60).filter((r) => r !== 30);
    expect(pageInMemory(rows, opts({ after: ["25"] })).rows[0]).toBe(26);
    expect(pageInMemory(rows, opts({ after: ["99"] })).rows).toEqual(rows.slice(-25));
    expect(pageInMemory(rows, opts({ before: ["3"] })).rows).toEqual(rows.slice(0, 25));
  });
});

describe("cursors in the URL", () => {
  it("round-trips keys (any text) and refuses anything else", () => {
    const key = ["2030-01-01 00:00:00.000001+00", "名字 & ?=/", "42"];
    expect(decodeCursor(encodeCursor(key), 3)).toEqual(key);
    expect(encodeCursor(key)).toMatch(/^[\w-]+$/);
    expect(decodeCursor(encodeCursor(key), 2)).toBeNull();
    expect(decodeCursor("not a cursor", 1)).toBeNull();
    expect(parsePageCursor({ historyAfter: encodeCursor(["1"]) }, 1, "history")).toEqual({ after: ["1"] });
  });

  it("keeps the other parameters and replaces only this list's cursor", () => {
    const sp = { ordersAfter: "x", historyBefore: "y", q: ["a", "b"] };
    expect(pageHref("/portfolio", sp, "orders", { before: "z" })).toBe(
      "/portfolio?historyBefore=y&q=a&q=b&ordersBefore=z",
    );
    expect(pageHref("/p", { after: "x" }, "", null)).toBe("/p");
  });
});
