import compile from "icu-minify/compile";

/**
 * The messages a client provider passes to the browser, each ICU string precompiled (icu-minify, as next-intl's own
 * `precompile` option does): the browser formats them with use-intl's format-only formatter and ships no ICU parser
 * (next.config.js aliases `use-intl/format-message` there; outside the browser lib/i18n/format-message.ts formats both
 * forms). A plain string stays a string; a string whose compiled form is other text (an escaped quote or brace) becomes
 * a one-part message, so that it is never parsed again. Lists (read with `t.raw`) are left as they are.
 */
export function precompileMessages(messages: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(messages)) out[key] = precompileValue(value);
  return out;
}

/**
 * The named styles of ICU's number, date and time arguments (`{at, time, short}`) as the full formatter
 * (intl-messageformat) defines them: the format-only formatter looks a name up in the app's formats (there are none),
 * so a compiled argument carries its style's options instead.
 */
const STYLES: Record<number, Record<string, Intl.NumberFormatOptions | Intl.DateTimeFormatOptions>> = {
  4: { integer: { maximumFractionDigits: 0 }, currency: { style: "currency" }, percent: { style: "percent" } },
  5: {
    short: { month: "numeric", day: "numeric", year: "2-digit" },
    medium: { month: "short", day: "numeric", year: "numeric" },
    long: { month: "long", day: "numeric", year: "numeric" },
    full: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  },
  6: {
    short: { hour: "numeric", minute: "numeric" },
    medium: { hour: "numeric", minute: "numeric", second: "numeric" },
    long: { hour: "numeric", minute: "numeric", second: "numeric", timeZoneName: "short" },
    full: { hour: "numeric", minute: "numeric", second: "numeric", timeZoneName: "short" },
  },
};

/** A compiled message with every named number, date and time style replaced by its options (see STYLES). */
function withStyles(node: unknown): unknown {
  if (Array.isArray(node)) {
    const [name, type, style] = node as unknown[];
    if (typeof name === "string" && typeof type === "number" && typeof style === "string" && STYLES[type]?.[style])
      return [name, type, STYLES[type][style], ...node.slice(3)];
    return node.map(withStyles);
  }
  if (node && typeof node === "object")
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withStyles(v)]));
  return node;
}

function precompileValue(value: unknown): unknown {
  if (typeof value === "string") {
    const compiled = compile(value);
    return typeof compiled === "string" ? (compiled !== value ? [compiled] : compiled) : withStyles(compiled);
  }
  if (Array.isArray(value) || value === null || typeof value !== "object") return value;
  return precompileMessages(value as Record<string, unknown>);
}
