import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ViewerRole } from "./viewer";

export function RoleBadge({ role }: { role: ViewerRole | "investor" }) {
  const t = useTranslations("roles");
  const tone = role === "compliance" ? "warn" : role === "admin" ? "danger" : role === "issuer" ? "accent" : "neutral";
  const icon = role === "investor" ? "dot" : "lock";
  return (
    <Badge tone={tone} icon={icon}>
      {t(role)}
    </Badge>
  );
}
