import { getTranslations } from "next-intl/server";
import { PageNav } from "@/components/ui/page-nav";

/** The admin console's heading and its pages (roles, health, settings), the current one marked for screen readers. */
export async function AdminHeader({ current }: { current: "roles" | "health" | "settings" }) {
  const t = await getTranslations("admin");
  const links = [
    { key: "roles", href: "/admin", label: t("nav.roles") },
    { key: "health", href: "/admin/health", label: t("nav.health") },
    { key: "settings", href: "/admin/settings", label: t("nav.settings") },
  ] as const;
  return (
    <header className="flex flex-col gap-3">
      <p className="text-sm tracking-[0.16em] text-ink-muted uppercase">{t("eyebrow")}</p>
      <h1 className="font-display text-4xl leading-tight">{t(`${current}.title`)}</h1>
      <p className="text-ink-muted">{t(`${current}.intro`)}</p>
      <PageNav label={t("nav.label")} links={links} current={current} look="outlined" />
    </header>
  );
}
