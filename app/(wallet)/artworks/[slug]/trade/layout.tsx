import { ClientMessages } from "@/components/layout/client-messages";

/** The trade pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function TradeLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="artworks/[slug]/trade/layout">{children}</ClientMessages>;
}
