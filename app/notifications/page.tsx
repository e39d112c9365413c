import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { savePreferencesAction } from "@/components/notifications/actions";
import { NotificationList } from "@/components/notifications/notification-list";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { Section } from "@/components/ui/section";
import { requirePageSession } from "@/lib/auth";
import { loadNotificationsView, NOTIFICATIONS_KEYSET, NOTIFICATIONS_PAGE, toMailLocale } from "@/lib/notifications";
import { pageHref, pageNumber, parsePageCursor } from "@/lib/paging";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageSession({ next: "/notifications" });
  const [t, tp, tl, locale, sp] = await Promise.all([
    getTranslations("notifications.page"),
    getTranslations("notifications.prefs"),
    getTranslations("shell.language"),
    getLocale(),
    searchParams,
  ]);
  const view = await loadNotificationsView({
    address: ctx.address,
    locale: toMailLocale(locale),
    cursor: parsePageCursor(sp, NOTIFICATIONS_KEYSET.parts.length),
  });
  const items = view.items;
  const prefs = view.preferences;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-col gap-2">
        <h1 className="font-display text-3xl font-medium sm:text-4xl">{t("title")}</h1>
        <p className="text-ink-muted">{t("lede")}</p>
      </header>
      <NotificationList
        items={items.rows}
        total={items.total ?? items.rows.length}
        unread={view.unread}
        pager={
          <Pager
            label={t("pages")}
            prev={items.prev && pageHref("/notifications", sp, "", { before: items.prev })}
            next={items.next && pageHref("/notifications", sp, "", { after: items.next })}
            page={pageNumber(items, NOTIFICATIONS_PAGE)}
          />
        }
      />
      <Section id="preferences" title={tp("title")} look="card" intro={tp("lede")}>
        <div className="mt-4 flex flex-col gap-4">
          {prefs.hasEmail ? null : <Alert tone="info">{tp("noEmail")}</Alert>}
          {prefs.unsubscribedAll ? <Alert tone="warn">{tp("unsubscribedAll")}</Alert> : null}
          <PreferencesForm
            action={savePreferencesAction}
            preferences={prefs}
            labels={{
              groups: tp("groups"),
              kyc: tp("kyc"),
              orders: tp("orders"),
              listings: tp("listings"),
              offerings: tp("offerings"),
              holdings: tp("holdings"),
              roles: tp("roles"),
              language: tp("language"),
              save: tp("save"),
              saved: tp("saved"),
              languages: { en: tl("en"), "zh-HK": tl("zhHK") },
            }}
          />
        </div>
      </Section>
    </div>
  );
}
