import { ClientMessages } from "@/components/layout/client-messages";

/** The issuer pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function IssuerLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="issuer/layout">{children}</ClientMessages>;
}
