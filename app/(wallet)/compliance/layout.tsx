import { AgentActionHost } from "@/components/compliance/console/agent-action-dialog";

/**
 * The compliance console's pages share one agent-action dialog host, above the registers and investor views whose
 * rows open it, so a dialog survives the refresh that follows its own transaction. Each page checks the role itself.
 */
export default function ComplianceLayout({ children }: { children: React.ReactNode }) {
  return <AgentActionHost>{children}</AgentActionHost>;
}
