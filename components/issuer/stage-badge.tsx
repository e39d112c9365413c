import { StatusBadge } from "@/components/ui/status-badge";
import { type ListingStage, stageBadge } from "@/lib/issuer/client";

/** A listing's stage as a labelled badge (icon + words, never colour alone). */
export function StageBadge({ stage, label }: { stage: ListingStage; label: string }) {
  return (
    <StatusBadge looks={stageBadge} status={stage}>
      <span data-stage={stage}>{label}</span>
    </StatusBadge>
  );
}
