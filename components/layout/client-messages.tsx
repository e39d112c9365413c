import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, type ClientMessageArea, pickMessages } from "@/lib/i18n/client-messages";

/** The client i18n provider of one wallet route area, with only the namespaces its client components read. */
export async function ClientMessages({ area, children }: { area: ClientMessageArea; children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[area]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
