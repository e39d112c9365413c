import { getTranslations } from "next-intl/server";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import type { KycStatus } from "@/lib/kyc/types";

/** KYC status as a labelled badge in the console's words (icon + words, never colour alone). */
export async function KycBadge({ status }: { status: string }) {
  const t = await getTranslations("complianceConsole.kyc");
  return <KycStatusBadge status={status as KycStatus} label={t(status as never)} />;
}
