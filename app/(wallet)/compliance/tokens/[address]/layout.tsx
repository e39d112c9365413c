import { AgentActionHost } from "@/components/compliance/console/agent-action-dialog";
import { ClientMessages } from "@/components/layout/client-messages";

/**
 * This page's client components get only the messages they read (lib/i18n/client-messages.ts). The page's rows share
 * one agent-action dialog host, above them, so a dialog survives the refresh that follows its own transaction.
 */
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages scope="compliance/tokens/[address]/layout">
      <AgentActionHost>{children}</AgentActionHost>
    </ClientMessages>
  );
}
