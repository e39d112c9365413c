"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/**
 * `prefetch: false` for routes of the (wallet) group: prefetching one from a public page would load the wallet's
 * code (its layout holds the wallet provider) for visitors who may never go there.
 */
export type NavItem = { href: string; label: string; prefetch?: false };

function isActive(pathname: string, href: string) {
  return href === "/"
    ? pathname === "/" || pathname.startsWith("/artworks")
    : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({
  items,
  orientation = "horizontal",
  onNavigate,
}: {
  items: NavItem[];
  orientation?: "horizontal" | "vertical";
  onNavigate?: () => void;
}) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className={cn("flex", orientation === "horizontal" ? "items-center gap-1" : "flex-col gap-1")}>
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              prefetch={item.prefetch}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block rounded-full text-sm transition-colors",
                orientation === "horizontal" ? "px-3 py-1.5" : "px-3 py-2.5 text-base",
                active ? "bg-surface-muted font-medium text-ink" : "text-ink-muted hover:text-ink",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
