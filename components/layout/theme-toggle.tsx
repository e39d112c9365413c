"use client";

import { MoonIcon, SunIcon } from "@/components/ui/icons";
import { toggleThemeAction } from "./actions";
import { THEME_COOKIE } from "./theme-constants";

/**
 * A form (works without JS via the server action); with JS it flips the class at once.
 * Labels come from the server so public pages ship no client i18n runtime.
 */
export function ThemeToggle({ labels }: { labels: { toDark: string; toLight: string } }) {
  return (
    <form action={toggleThemeAction}>
      <button
        type="submit"
        onClick={(event) => {
          event.preventDefault();
          const root = document.documentElement;
          const dark = !root.classList.contains("dark");
          root.classList.toggle("dark", dark);
          document.cookie = `${THEME_COOKIE}=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
        }}
        className="inline-flex size-9 items-center justify-center rounded-full text-ink-muted transition-colors hover:bg-surface-muted hover:text-ink"
      >
        <span className="sr-only dark:hidden">{labels.toDark}</span>
        <span className="sr-only hidden dark:inline">{labels.toLight}</span>
        <MoonIcon className="size-[18px] dark:hidden" />
        <SunIcon className="hidden size-[18px] dark:block" />
      </button>
    </form>
  );
}
