import { ClientMessages } from "@/components/layout/client-messages";

/** The portfolio pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function PortfolioLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="portfolio/layout">{children}</ClientMessages>;
}
