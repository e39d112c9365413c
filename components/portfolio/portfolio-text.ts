import { getLocale, getTranslations } from "next-intl/server";

/** The portfolio's words, the page's locale and whether it reads in Chinese (server components). */
export async function portfolioText() {
  const [t, locale] = await Promise.all([getTranslations("portfolio"), getLocale()]);
  return { t, locale, zh: locale === "zh-HK" };
}
