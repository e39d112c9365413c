import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * The filter form of every console list (audit log, KYC queue, token register): a GET to the list's own URL, so the filters live in
 * the URL. The form is keyed by the filter values it was rendered with: whenever they change (Apply, Reset, a
 * link), it is rebuilt from them. That is what makes Reset — a link to the bare list — clear every field; a soft
 * navigation would otherwise keep what the fields last showed (uncontrolled selects and inputs keep their state).
 */
export function ConsoleFilterForm({
  action,
  values,
  label,
  applyLabel,
  resetLabel,
  className,
  actionsClassName,
  children,
}: {
  /** The list's path; Reset links to it without any filter. */
  action: string;
  /** The filter values the page parsed from the URL (what the fields show). */
  values: Record<string, string | number | undefined | null>;
  label: string;
  applyLabel: string;
  resetLabel: string;
  className?: string;
  actionsClassName?: string;
  children: React.ReactNode;
}) {
  const key = new URLSearchParams(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return (
    <form key={key} method="get" action={action} role="search" aria-label={label} className={className}>
      {children}
      <div className={cn("flex gap-2", actionsClassName)}>
        <button type="submit" className={buttonStyles({})}>
          {applyLabel}
        </button>
        <Link href={action} className={buttonStyles({ variant: "ghost" })}>
          {resetLabel}
        </Link>
      </div>
    </form>
  );
}
