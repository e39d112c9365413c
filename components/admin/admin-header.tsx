import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

/** The admin console's heading and its two pages (roles, health), the current one marked for screen readers. */
export async function AdminHeader({ current }: { current: "roles" | "health" }) {
  const t = await getTranslations("admin");
  const links = [
    { key: "roles", href: "/admin", label: t("nav.roles") },
    { key: "health", href: "/admin/health", label: t("nav.health") },
  ] as const;
  return (
    <header className="flex flex-col gap-3">
      <p className="text-sm tracking-[0.16em] text-ink-muted uppercase">{t("eyebrow")}</p>
      <h1 className="font-display text-4xl leading-tight">{t(`${current}.title`)}</h1>
      <p className="text-ink-muted">{t(`${current}.intro`)}</p>
      <nav aria-label={t("nav.label")}>
        <ul className="flex flex-wrap gap-2">
          {links.map((l) => (
            <li key={l.key}>
              <Link
                href={l.href}
                aria-current={l.key === current ? "page" : undefined}
                className={cn(
                  "inline-block rounded-full border px-3 py-1.5 text-sm",
                  l.key === current ? "border-ink bg-surface-muted font-medium" : "border-line text-ink-muted",
                )}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
