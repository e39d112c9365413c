import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "./actions";
import { cn } from "@/components/ui/cn";

const options = [
  { locale: "en", short: "EN", lang: "en" },
  { locale: "zh-HK", short: "繁", lang: "zh-HK" },
] as const;

/** EN / 繁 — a form posting to a server action; works without JavaScript. */
export function LanguageSwitch({ className }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("shell.language");
  return (
    <form action={setLocaleAction} className={cn("flex items-center", className)} aria-label={t("label")}>
      <div
        role="group"
        aria-label={t("label")}
        className="flex items-center rounded-full border border-line p-0.5 text-sm"
      >
        {options.map((o) => {
          const current = o.locale === locale;
          return (
            <button
              key={o.locale}
              type="submit"
              name="locale"
              value={o.locale}
              lang={o.lang}
              aria-pressed={current}
              className={cn(
                "inline-flex min-h-7 min-w-9 items-center justify-center rounded-full px-2.5 leading-none transition-colors",
                current ? "bg-ink text-canvas" : "text-ink-muted hover:text-ink",
              )}
            >
              {/* The name starts with what is shown (WCAG 2.5.3 label in name), then says the language in full. */}
              {o.short}
              <span className="sr-only"> {t(o.locale === "en" ? "en" : "zhHK")}</span>
            </button>
          );
        })}
      </div>
    </form>
  );
}
