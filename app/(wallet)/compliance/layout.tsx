import { AgentActionHost } from "@/components/compliance/console/agent-action-dialog";
import { ClientMessages } from "@/components/layout/client-messages";

/**
 * The compliance console's pages share one agent-action dialog host, above the registers and investor views whose
 * rows open it, so a dialog survives the refresh that follows its own transaction. Each page checks the role itself.
 * Its client components get only the messages they read (lib/i18n/client-messages.ts).
 */
export default function ComplianceLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages area="compliance">
      <AgentActionHost>{children}</AgentActionHost>
    </ClientMessages>
  );
}
