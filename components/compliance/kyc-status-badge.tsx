import { Badge, type BadgeIcon, type BadgeTone } from "@/components/ui/badge";
import type { KycStatus } from "@/lib/kyc/types";

const look: Record<KycStatus, { tone: BadgeTone; icon: BadgeIcon }> = {
  draft: { tone: "neutral", icon: "dot" },
  submitted: { tone: "accent", icon: "clock" },
  in_review: { tone: "accent", icon: "info" },
  needs_information: { tone: "warn", icon: "warn" },
  approved: { tone: "success", icon: "check" },
  rejected: { tone: "danger", icon: "error" },
  expired: { tone: "warn", icon: "clock" },
};

/** A KYC status as a labelled badge (icon + words, never colour alone). The label comes from the caller's messages. */
export function KycStatusBadge({ status, label }: { status: KycStatus; label: string }) {
  return (
    <Badge tone={look[status].tone} icon={look[status].icon}>
      {label}
    </Badge>
  );
}
