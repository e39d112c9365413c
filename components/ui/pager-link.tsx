import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "./button";

/** A pager's previous / next link, or an empty span keeping its place when there is no such page (`href` null). */
export function PagerLink({
  href,
  rel,
  children,
}: {
  href: string | null;
  rel?: "prev" | "next";
  children: ReactNode;
}) {
  if (href === null) return <span />;
  return (
    <Link rel={rel} href={href} className={buttonStyles({ variant: "secondary", size: "sm" })}>
      {children}
    </Link>
  );
}
