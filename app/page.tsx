import { getTranslations } from "next-intl/server";

/** Placeholder: the lead replaces the body with the catalogue (filters + artwork cards). */
export default async function CataloguePage() {
  const t = await getTranslations("catalogue");
  return (
    <div className="mx-auto max-w-7xl px-4 pt-14 pb-10 sm:px-6 lg:px-8">
      <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("eyebrow")}</p>
      <h1 className="mt-3 max-w-3xl font-display text-4xl leading-[1.08] font-normal tracking-tight sm:text-6xl">{t("title")}</h1>
      <p className="mt-5 max-w-2xl text-lg text-ink-muted">{t("intro")}</p>
    </div>
  );
}
