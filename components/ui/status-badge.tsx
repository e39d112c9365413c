import type { ReactNode } from "react";
import { Badge } from "./badge";
import type { BadgeLook } from "@/lib/format/badge-look";

/**
 * A status as a labelled badge, its look (tone and icon) read from the status's one map in lib/ (`kycLooks`,
 * `stageBadge`, `alertLooks`…), so one status looks the same on every page. The label is always words.
 */
export function StatusBadge<S extends string>({
  looks,
  status,
  title,
  children,
}: {
  looks: Record<S, BadgeLook>;
  status: S;
  title?: string;
  children: ReactNode;
}) {
  const look = looks[status] ?? { tone: "neutral", icon: "dot" };
  return (
    <Badge tone={look.tone} icon={look.icon} title={title}>
      {children}
    </Badge>
  );
}
