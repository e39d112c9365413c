import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { savePreferencesAction } from "@/components/notifications/actions";
import { NotificationList } from "@/components/notifications/notification-list";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { requirePageSession } from "@/lib/auth";
import { loadNotificationsView, toMailLocale } from "@/lib/notifications";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const ctx = await requirePageSession({ next: "/notifications" });
  const [t, tp, tl, locale] = await Promise.all([
    getTranslations("notifications.page"),
    getTranslations("notifications.prefs"),
    getTranslations("shell.language"),
    getLocale(),
  ]);
  const view = await loadNotificationsView({ address: ctx.address, locale: toMailLocale(locale) });
  const prefs = view.preferences;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-col gap-2">
        <h1 className="font-display text-3xl font-medium sm:text-4xl">{t("title")}</h1>
        <p className="text-ink-muted">{t("lede")}</p>
      </header>
      <NotificationList items={view.items} />
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
