/** For db tests of paged lists: every page of a list, forwards to the end and back again. */
import { decodeCursor, type Page, type PageCursor } from "./client";

/**
 * Follows `next` from the first page to the last, then `prev` back to the first. `forwards` is every row id in the
 * order shown; `back` holds the pages met on the way back (first page first), to compare with `pages`.
 */
export async function walkPages<T>(
  load: (cursor: PageCursor) => Promise<Page<T>>,
  { arity, idOf }: { arity: number; idOf: (row: T) => string },
) {
  const pages: Page<T>[] = [];
  let p = await load({});
  for (;;) {
    pages.push(p);
    if (!p.next || pages.length > 10_000) break;
    p = await load({ after: decodeCursor(p.next, arity)! });
  }
  const back: string[][] = [pages.at(-1)!.rows.map(idOf)];
  let q = pages.at(-1)!;
  while (q.prev && back.length <= pages.length) {
    q = await load({ before: decodeCursor(q.prev, arity)! });
    back.unshift(q.rows.map(idOf));
  }
  return { pages, forwards: pages.flatMap((x) => x.rows.map(idOf)), ids: pages.map((x) => x.rows.map(idOf)), back };
}
