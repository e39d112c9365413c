import { StatusBadge } from "@/components/ui/status-badge";
import { kycLooks } from "@/lib/kyc/client";
import type { KycStatus } from "@/lib/kyc/types";

/** A KYC status as a labelled badge (icon + words, never colour alone). The label comes from the caller's messages. */
export function KycStatusBadge({ status, label }: { status: KycStatus; label: string }) {
  return (
    <StatusBadge looks={kycLooks} status={status}>
      {label}
    </StatusBadge>
  );
}
