"use client";

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
        {/* moon (shown in light theme) */}
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-[18px] dark:hidden"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" strokeLinejoin="round" />
        </svg>
        {/* sun (shown in dark theme) */}
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="hidden size-[18px] dark:block"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <circle cx="12" cy="12" r="4" />
          <path
            d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"
            strokeLinecap="round"
          />
        </svg>
      </button>
    </form>
  );
}
