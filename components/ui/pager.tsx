import { getTranslations } from "next-intl/server";
import { PagerLink } from "./pager-link";

/**
 * The page links of a long list: previous / next (links, so they work without JavaScript and by keyboard), the
 * current page ("Page 2 of 20", marked `aria-current`) when known, and nothing at all when the list fits one page.
 */
export async function Pager({
  label,
  prev,
  next,
  page,
  className = "",
}: {
  /** The nav's accessible name ("Pages of your open orders"). */
  label: string;
  prev: string | null;
  next: string | null;
  page?: { page: number; pages: number } | null;
  className?: string;
}) {
  if (prev === null && next === null) return null;
  const t = await getTranslations("ui.pager");
  return (
    <nav aria-label={label} className={`flex items-center justify-between gap-2 text-sm ${className}`}>
      <PagerLink rel="prev" href={prev}>
        {t("previous")}
      </PagerLink>
      {page ? (
        <span aria-current="page" className="tabular text-ink-muted">
          {t("pageOf", page)}
        </span>
      ) : null}
      <PagerLink rel="next" href={next}>
        {t("next")}
      </PagerLink>
    </nav>
  );
}
