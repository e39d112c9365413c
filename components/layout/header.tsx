import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { navFor } from "@/lib/auth/client";
import { shortAddress } from "@/lib/format/address";
import { buttonStyles } from "@/components/ui/button";
import { signOutAction } from "@/components/wallet/actions";
import { LanguageSwitch } from "./language-switch";
import { MobileMenu } from "./mobile-menu";
import { NavLinks, type NavItem } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { RoleBadge } from "./role-badge";
import { ThemeToggle } from "./theme-toggle";
import { homeRolesOf, type Viewer } from "./viewer";

/** Site header. `viewer` comes from the layout (getViewer); roles decide the console links. */
export async function Header({ viewer }: { viewer: Viewer | null }) {
  const t = await getTranslations("shell");
  // Only the links this person can open (no "Issuer" for the platform admin, no portfolio for staff).
  const hrefs = {
    catalogue: "/",
    portfolio: "/portfolio",
    issuer: "/issuer",
    compliance: "/compliance",
    admin: "/admin",
  } as const;
  const items: NavItem[] = navFor(viewer ? homeRolesOf(viewer) : null).map((key) => ({
    href: hrefs[key],
    label: t(`nav.${key}`),
    // Every console is a (wallet) route: not prefetched from public pages (see NavItem).
    ...(key === "catalogue" ? {} : { prefetch: false as const }),
  }));
  const themeLabels = { toDark: t("theme.toDark"), toLight: t("theme.toLight") };
  const menuLabels = { open: t("menu.open"), close: t("menu.close"), label: t("menu.label") };
  const primaryRole = viewer ? (viewer.roles[0] ?? (viewer.verified ? "investor" : undefined)) : undefined;

  const account = viewer ? (
    <div className="flex items-center gap-2">
      <Link
        href="/account"
        className="inline-flex items-center gap-2 rounded-full border border-line px-3 py-1.5 text-sm hover:border-line-strong"
        title={viewer.address}
        // The name contains the address as shown (WCAG 2.5.3); the full address is in the title.
        aria-label={t("account.open", { address: shortAddress(viewer.address) })}
      >
        <span aria-hidden="true" className="size-2 rounded-full bg-success" />
        <span className="font-mono tabular">{shortAddress(viewer.address)}</span>
      </Link>
      {primaryRole ? <RoleBadge role={primaryRole} /> : null}
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-full px-2.5 py-1.5 text-sm text-ink-muted hover:bg-surface-muted hover:text-ink"
        >
          {t("account.signOut")}
        </button>
      </form>
    </div>
  ) : (
    <Link href="/sign-in" className={buttonStyles({ variant: "primary", size: "sm" })}>
      {t("account.signIn")}
    </Link>
  );

  return (
    <header className="relative z-30 border-b border-line bg-canvas/90 backdrop-blur supports-[backdrop-filter]:bg-canvas/75">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:px-6 lg:px-8">
        <Link
          href="/"
          className="font-display text-[1.6rem] leading-none font-medium tracking-tight"
          aria-label={t("home")}
        >
          Atelier
        </Link>
        <nav aria-label={t("nav.label")} className="ml-4 hidden md:block">
          <NavLinks items={items} />
        </nav>
        <div className="ml-auto hidden items-center gap-2 md:flex">
          <LanguageSwitch />
          <ThemeToggle labels={themeLabels} />
          {viewer ? <NotificationBell address={viewer.address} /> : null}
          <div className="ml-2">{account}</div>
        </div>
        <div className="ml-auto flex items-center gap-2 md:hidden">
          <ThemeToggle labels={themeLabels} />
          {viewer ? <NotificationBell address={viewer.address} /> : null}
          {viewer ? null : (
            <Link href="/sign-in" className={buttonStyles({ variant: "primary", size: "sm" })}>
              {t("account.signIn")}
            </Link>
          )}
          <MobileMenu
            items={items}
            labels={menuLabels}
            footer={
              <>
                <LanguageSwitch />
                {viewer ? account : null}
              </>
            }
          />
        </div>
      </div>
    </header>
  );
}
