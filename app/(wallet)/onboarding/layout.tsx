import { ClientMessages } from "@/components/layout/client-messages";

/** The onboarding pages' client components get only the messages they read (lib/i18n/client-messages.ts). */
export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="onboarding/layout">{children}</ClientMessages>;
}
