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

function precompileValue(value: unknown): unknown {
  if (typeof value === "string") {
    const compiled = compile(value);
    return typeof compiled === "string" && compiled !== value ? [compiled] : compiled;
  }
  if (Array.isArray(value) || value === null || typeof value !== "object") return value;
  return precompileMessages(value as Record<string, unknown>);
}
