import { ClientMessages } from "@/components/layout/client-messages";

/**
 * The compliance console's pages; each checks the role itself. Its client components get only the messages they read
 * (lib/i18n/client-messages.ts): a page whose client code reads much renders its own provider, with just its own.
 */
export default function ComplianceLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="compliance/layout">{children}</ClientMessages>;
}
