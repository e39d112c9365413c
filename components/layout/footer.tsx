import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Footer() {
  const t = await getTranslations("shell.footer");
  const year = new Date().getFullYear();
  return (
    <footer className="mt-24 border-t border-line">
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-10 text-sm text-ink-muted sm:px-6 lg:px-8">
        <div className="flex flex-col justify-between gap-6 md:flex-row">
          <div className="flex max-w-sm flex-col gap-2">
            <span className="font-display text-xl text-ink">Atelier</span>
            <p>{t("tagline")}</p>
          </div>
          <nav aria-label={t("navLabel")}>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              <li>
                <Link className="tap-target hover:text-ink" href="/">
                  {t("catalogue")}
                </Link>
              </li>
              <li>
                <Link className="tap-target hover:text-ink" href="/portfolio" prefetch={false}>
                  {t("portfolio")}
                </Link>
              </li>
              <li>
                <Link className="tap-target hover:text-ink" href="/account">
                  {t("account")}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        <section
          aria-labelledby="risk-heading"
          className="rounded-xl border border-line bg-surface-muted/60 p-4 text-xs leading-relaxed"
        >
          <h2 id="risk-heading" className="mb-1 font-medium text-ink">
            {t("riskTitle")}
          </h2>
          <p>{t("risk")}</p>
        </section>
        <p className="text-xs">{t("legal", { year })}</p>
      </div>
    </footer>
  );
}
