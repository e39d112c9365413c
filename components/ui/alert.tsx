import type { ReactNode } from "react";
import { cn } from "./cn";
import { CheckIcon, ErrorIcon, InfoIcon, WarnIcon } from "./icons";

export type AlertTone = "info" | "warn" | "error" | "success";

const tones: Record<AlertTone, string> = {
  info: "border-accent/25 bg-accent-soft text-ink",
  warn: "border-warn/30 bg-warn-soft text-ink",
  error: "border-danger/30 bg-danger-soft text-ink",
  success: "border-success/30 bg-success-soft text-ink",
};
const iconTone: Record<AlertTone, string> = {
  info: "text-accent",
  warn: "text-warn",
  error: "text-danger",
  success: "text-success",
};
const icons = { info: InfoIcon, warn: WarnIcon, error: ErrorIcon, success: CheckIcon };

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons or links on the right (below on narrow screens). */
  action?: ReactNode;
  className?: string;
  /** Override the live-region role; errors default to role="alert", others to role="status". */
  role?: "alert" | "status" | "none";
};

export function Alert({ tone = "info", title, children, action, className, role }: AlertProps) {
  const Icon = icons[tone];
  const resolvedRole = role ?? (tone === "error" ? "alert" : "status");
  return (
    <div
      role={resolvedRole === "none" ? undefined : resolvedRole}
      className={cn(
        "flex flex-col gap-3 rounded-xl border px-4 py-3 text-sm sm:flex-row sm:items-start",
        tones[tone],
        className,
      )}
    >
      <div className="flex min-w-0 flex-1 gap-3">
        <Icon className={cn("mt-0.5 size-4 shrink-0", iconTone[tone])} />
        {/* Long unbroken words (a wallet address in a sentence) wrap instead of pushing the box past a phone's edge. */}
        <div className="flex min-w-0 flex-col gap-0.5 wrap-anywhere">
          {title ? <p className="font-medium">{title}</p> : null}
          {children ? <div className="text-ink-muted">{children}</div> : null}
        </div>
      </div>
      {action ? <div className="flex shrink-0 gap-2 sm:ml-4">{action}</div> : null}
    </div>
  );
}
