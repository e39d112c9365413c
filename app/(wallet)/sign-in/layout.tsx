import { ClientMessages } from "@/components/layout/client-messages";

/** The sign-in pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="sign-in/layout">{children}</ClientMessages>;
}
