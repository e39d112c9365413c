import { ClientMessages } from "@/components/layout/client-messages";

/** The buy pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function BuyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="artworks/[slug]/buy/layout">{children}</ClientMessages>;
}
