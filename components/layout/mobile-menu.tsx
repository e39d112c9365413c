"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import { NavLinks, type NavItem } from "./nav-links";

/** Disclosure menu for narrow screens: button with aria-expanded, closes on Escape and navigation. */
export function MobileMenu({
  items,
  footer,
  labels,
}: {
  items: NavItem[];
  footer?: ReactNode;
  /** From the server, so public pages ship no client i18n runtime. */
  labels: { open: string; close: string; label: string };
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [lastPath, setLastPath] = useState(pathname);
  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        className="inline-flex h-9 items-center gap-1.5 rounded-full border border-line px-3 text-sm text-ink"
      >
        {open ? <CloseIcon className="size-4" /> : <MenuIcon className="size-4" />}
        {open ? labels.close : labels.open}
      </button>
      <div
        id={id}
        hidden={!open}
        className="absolute inset-x-0 top-full z-30 border-b border-line bg-canvas px-4 pt-2 pb-5 shadow-lg"
      >
        <nav aria-label={labels.label}>
          <NavLinks items={items} orientation="vertical" onNavigate={() => setOpen(false)} />
        </nav>
        {footer ? (
          <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-line pt-4">{footer}</div>
        ) : null}
      </div>
    </div>
  );
}
