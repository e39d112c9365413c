/**
 * A deliberately tiny Markdown subset for listing text, parsed to tokens (never to HTML): paragraphs
 * (blank-line separated), line breaks, **bold**, _italic_ / *italic*, and [links](https://…) to http(s)
 * only. Everything else is shown as typed; React escapes it. Isomorphic and pure.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "br" };

export type Block = { type: "p"; children: Inline[] };

const PATTERN =
  /\*\*(.+?)\*\*|(?<![\w*])_(.+?)_(?!\w)|(?<![\w*])\*(?!\s)(.+?)\*(?!\w)|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|\n/s;

export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = depth > 4 ? null : PATTERN.exec(rest);
    if (!m) {
      out.push({ type: "text", text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: "text", text: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ type: "strong", children: parseInline(m[1], depth + 1) });
    else if (m[2] !== undefined) out.push({ type: "em", children: parseInline(m[2], depth + 1) });
    else if (m[3] !== undefined) out.push({ type: "em", children: parseInline(m[3], depth + 1) });
    else if (m[4] !== undefined && m[5] !== undefined) {
      const href = safeHref(m[5]);
      out.push(href ? { type: "link", href, children: parseInline(m[4], depth + 1) } : { type: "text", text: m[0] });
    } else out.push({ type: "br" });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

export function parseMarkdown(source: string): Block[] {
  return source
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: "p" as const, children: parseInline(p) }));
}
