/**
 * use-intl's message formatter on the server (next.config.js aliases `use-intl/format-message` to this module outside
 * the browser, where it is use-intl's format-only formatter). A message precompiled for a client provider
 * (lib/i18n/precompile.ts: an array) is formatted as the browser formats it, so that server rendering and hydration
 * agree; any other message (the server's own ICU text) by use-intl's full formatter, as without the alias.
 */
import type { RichTranslationValues } from "use-intl";
import formatOnly from "use-intl/format-message/format-only";
// By file: the package name `use-intl/format-message` is aliased to this module.
// @ts-expect-error -- the file has no declaration of its own (its type is the format-only one, cast below).
import formatFull from "../../node_modules/use-intl/dist/esm/production/format-message/index.js";

type Options = Parameters<typeof formatOnly>[3];

export default function formatMessage(
  key: string,
  message: unknown,
  values: RichTranslationValues | undefined,
  options: Options,
) {
  return Array.isArray(message)
    ? formatOnly(key, message as never, values, options)
    : (formatFull as typeof formatOnly)(key, message as never, values, options);
}
formatMessage.raw = true;
