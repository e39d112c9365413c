import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * A page's `generateMetadata` whose title is one message in the reader's language:
 * `export const generateMetadata = titleMetadata("account")` (the namespace's `title`, or the `key` given).
 */
export function titleMetadata(namespace: string, key = "title") {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations(namespace);
    return { title: t(key) };
  };
}
