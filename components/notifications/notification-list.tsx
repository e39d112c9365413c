import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { formatDayTime } from "@/lib/format/date";
import type { NotificationItem } from "@/lib/notifications/types";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";
import { ActionButton } from "./action-button";

/**
 * One page of the notifications, newest first: each with its words, when, a link to where to act and "Mark as read";
 * "Mark all as read" marks every unread one (`unread` counts the whole list, not this page), `pager` links the others.
 */
export async function NotificationList({
  items,
  total,
  unread,
  pager,
}: {
  items: NotificationItem[];
  total: number;
  unread: number;
  pager?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("notifications.page"), getLocale()]);
  if (items.length === 0) return <EmptyState title={t("listLabel")} description={t("empty")} />;
  return (
    <Section
      id="notification-list"
      title={t("listLabel")}
      actions={
        unread > 0 ? (
          <ActionButton
            action={markAllNotificationsReadAction}
            fields={{}}
            label={t("markAllRead")}
            done={t("allMarked")}
          />
        ) : null
      }
    >
      <p className="text-sm text-ink-muted">{t("count", { count: total })}</p>
      <ul className="flex flex-col divide-y divide-line rounded-xl border border-line">
        {items.map((n) => (
          <li key={n.id} className={cn("flex flex-col gap-3 p-4 sm:flex-row sm:items-start", !n.read && "bg-surface")}>
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium wrap-anywhere">{n.title}</h3>
                {n.read ? null : <Badge tone="accent">{t("unread")}</Badge>}
              </div>
              {n.body ? <p className="text-sm text-ink-muted wrap-anywhere">{n.body}</p> : null}
              <p className="text-xs text-ink-subtle">
                <time dateTime={n.createdAt.toISOString()}>{formatDayTime(n.createdAt, locale)}</time>
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-start gap-2">
              <Link
                href={n.link}
                className={buttonStyles({ variant: "primary", size: "sm" })}
                aria-label={`${t("open")}: ${n.title}`}
              >
                {t("open")}
              </Link>
              {n.read ? null : (
                <ActionButton
                  action={markNotificationReadAction}
                  fields={{ id: n.id }}
                  label={t("markRead")}
                  accessibleLabel={t("markReadNamed", { title: n.title })}
                  done={t("marked")}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
      {pager}
    </Section>
  );
}
