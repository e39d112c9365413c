import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { CLIENT_MESSAGES, type ClientMessageScope, pickMessages } from "@/lib/i18n/client-messages";
import { precompileMessages } from "@/lib/i18n/precompile";

/** Each scope's precompiled messages per locale (the catalogues are fixed for the life of the process). */
const compiled = new Map<string, Record<string, unknown>>();

/**
 * The client i18n provider of one wallet layout or page (`scope`: its file, e.g. `compliance/tokens/[address]/page`),
 * with only the messages its client components read, precompiled (lib/i18n/precompile.ts: the browser ships no ICU
 * parser). A scope whose client code reads none renders no provider.
 */
export async function ClientMessages({ scope, children }: { scope: ClientMessageScope; children: React.ReactNode }) {
  const paths: readonly string[] = CLIENT_MESSAGES[scope];
  if (paths.length === 0) return children;
  const [all, locale] = await Promise.all([getMessages(), getLocale()]);
  const key = `${locale}:${scope}`;
  let messages = compiled.get(key);
  if (!messages) compiled.set(key, (messages = precompileMessages(pickMessages(all, paths))));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
