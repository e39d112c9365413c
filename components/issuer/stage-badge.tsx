import { Badge } from "@/components/ui/badge";
import { type ListingStage, stageBadge } from "@/lib/issuer/status";

/** A listing's stage as a labelled badge (icon + words, never colour alone). */
export function StageBadge({ stage, label }: { stage: ListingStage; label: string }) {
  const { tone, icon } = stageBadge[stage];
  return (
    <Badge tone={tone} icon={icon}>
      <span data-stage={stage}>{label}</span>
    </Badge>
  );
}
