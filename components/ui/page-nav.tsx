import Link from "next/link";
import { cn } from "./cn";

const looks = {
  /** Outlined pills that wrap (the admin console). */
  outlined: {
    nav: undefined,
    list: "flex flex-wrap gap-2",
    link: "inline-block rounded-full border px-3 py-1.5 text-sm",
    on: "border-ink bg-surface-muted font-medium",
    off: "border-line text-ink-muted",
  },
  /** Dense pills on one line that scroll sideways on a phone (the compliance console). */
  dense: {
    nav: "-mx-1 overflow-x-auto",
    list: "flex gap-1 px-1 text-sm whitespace-nowrap",
    link: "inline-flex h-8 items-center rounded-full px-3 text-ink-muted hover:bg-surface-muted hover:text-ink",
    on: "bg-surface-muted font-medium text-ink",
    off: undefined,
  },
} as const;

/** A console's links to its pages, the current one marked with aria-current (and a look of its own). */
export function PageNav<K extends string>({
  label,
  links,
  current,
  look,
}: {
  /** The navigation landmark's name. */
  label: string;
  links: readonly { key: K; href: string; label: string }[];
  current: K;
  look: keyof typeof looks;
}) {
  const l = looks[look];
  return (
    <nav aria-label={label} className={l.nav}>
      <ul className={l.list}>
        {links.map((link) => (
          <li key={link.key}>
            <Link
              href={link.href}
              aria-current={link.key === current ? "page" : undefined}
              className={cn(l.link, link.key === current ? l.on : l.off)}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
