import { ClientMessages } from "@/components/layout/client-messages";

/** The account pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="account/layout">{children}</ClientMessages>;
}
