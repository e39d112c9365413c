import { getTranslations } from "next-intl/server";
import { getViewer } from "@/components/layout/viewer";
import { PageNav } from "@/components/ui/page-nav";
import { consoleSectionsFor } from "@/lib/auth/client";

const items = [
  { key: "home", href: "/compliance" },
  { key: "tokens", href: "/compliance/tokens" },
  { key: "audit", href: "/compliance/audit" },
  { key: "kyc", href: "/compliance/kyc" },
  { key: "wallets", href: "/compliance/wallets" },
  { key: "issuers", href: "/compliance/issuers" },
  { key: "listings", href: "/compliance/listings" },
] as const;

/**
 * The console's section links the viewer's on-chain roles open (an enforcement-only officer sees no KYC queue or
 * wallet links); `current` marks the page's section with aria-current.
 */
export async function ConsoleNav({ current }: { current: (typeof items)[number]["key"] }) {
  const [t, viewer] = await Promise.all([getTranslations("complianceConsole.nav"), getViewer()]);
  const open = new Set(
    viewer
      ? consoleSectionsFor({
          admin: viewer.roles.includes("admin"),
          compliance: viewer.roles.includes("compliance"),
          identityAgent: viewer.identityAgent,
          enforcementAgent: viewer.enforcementAgent,
        })
      : [],
  );
  return (
    <PageNav
      label={t("label")}
      links={items.filter((i) => open.has(i.key) || i.key === current).map((i) => ({ ...i, label: t(i.key) }))}
      current={current}
      look="dense"
    />
  );
}

/** Dense console page frame: eyebrow, title, section nav. */
export async function ConsoleHeader({
  current,
  title,
  intro,
  children,
}: {
  current: Parameters<typeof ConsoleNav>[0]["current"];
  title: React.ReactNode;
  intro?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const t = await getTranslations("complianceConsole");
  return (
    <header className="flex flex-col gap-3">
      <ConsoleNav current={current} />
      <div className="flex flex-col gap-1">
        <p className="text-xs tracking-[0.16em] text-ink-muted uppercase">{t("eyebrow")}</p>
        <h1 className="font-display text-3xl leading-tight">{title}</h1>
        {intro ? <p className="text-sm text-ink-muted">{intro}</p> : null}
      </div>
      {children}
    </header>
  );
}
