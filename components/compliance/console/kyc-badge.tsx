import { getTranslations } from "next-intl/server";
import { Badge, type BadgeIcon, type BadgeTone } from "@/components/ui/badge";

const look: Record<string, [BadgeTone, BadgeIcon]> = {
  approved: ["success", "check"],
  expired: ["danger", "error"],
  rejected: ["danger", "error"],
  submitted: ["accent", "clock"],
  in_review: ["accent", "clock"],
  needs_information: ["warn", "warn"],
  draft: ["neutral", "dot"],
};

/** KYC status as a labelled badge (icon + words, never colour alone). */
export async function KycBadge({ status }: { status: string }) {
  const t = await getTranslations("complianceConsole.kyc");
  const [tone, icon] = look[status] ?? ["neutral", "dot"];
  return (
    <Badge tone={tone} icon={icon}>
      {t(status as never)}
    </Badge>
  );
}
