import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { loadUnreadCount } from "@/lib/notifications";

/** Read once per request (the header renders a bell for wide and for narrow screens). */
const unreadCount = cache(loadUnreadCount);

/**
 * The header's bell: a link to /notifications named with the unread count ("Notifications, 3 unread"), the count
 * also shown as a badge. When the count cannot be read the bell stays, named without it.
 */
export async function NotificationBell({ address, className }: { address: string; className?: string }) {
  const [t, count] = await Promise.all([getTranslations("notifications"), unreadCount(address)]);
  const shown = count ?? 0;
  return (
    <Link
      href="/notifications"
      aria-label={count === null ? t("page.title") : t("bell.label", { count: shown })}
      title={count === null ? t("page.title") : t("bell.label", { count: shown })}
      className={cn(
        "relative inline-flex size-9 items-center justify-center rounded-full text-ink-muted hover:bg-surface-muted hover:text-ink",
        className,
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16z" />
        <path d="M10 20.5a2 2 0 0 0 4 0" />
      </svg>
      {shown > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-ink px-1 text-xs leading-5 font-medium text-canvas tabular"
        >
          {shown > 99 ? "99+" : shown}
        </span>
      ) : null}
    </Link>
  );
}
