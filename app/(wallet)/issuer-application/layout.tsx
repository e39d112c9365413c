import { ClientMessages } from "@/components/layout/client-messages";

/** The issuer-application pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function IssuerApplicationLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="issuer-application/layout">{children}</ClientMessages>;
}
