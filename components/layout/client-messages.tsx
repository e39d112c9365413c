import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_MESSAGES, type ClientMessageScope, pickMessages } from "@/lib/i18n/client-messages";

/**
 * The client i18n provider of one wallet layout or page (`scope`: its file, e.g. `compliance/tokens/[address]/page`),
 * with only the messages its client components read. A scope whose client code reads none renders no provider.
 */
export async function ClientMessages({ scope, children }: { scope: ClientMessageScope; children: React.ReactNode }) {
  const paths: readonly string[] = CLIENT_MESSAGES[scope];
  if (paths.length === 0) return children;
  const messages = pickMessages(await getMessages(), paths);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
