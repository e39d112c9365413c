import { ClientMessages } from "@/components/layout/client-messages";

/** The admin pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="admin/layout">{children}</ClientMessages>;
}
