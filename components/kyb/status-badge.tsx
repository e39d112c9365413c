import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import { kybLooks, type KybStatus } from "@/lib/kyb/types";

/** An issuer application's status as a labelled badge (icon + words, never colour alone). */
export function KybStatusBadge({ status }: { status: KybStatus }) {
  const t = useTranslations("kyb.status");
  return (
    <StatusBadge looks={kybLooks} status={status}>
      {t(status)}
    </StatusBadge>
  );
}
