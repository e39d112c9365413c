import { ClientMessages } from "@/components/layout/client-messages";

/** This page's client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="issuer/profile/layout">{children}</ClientMessages>;
}
