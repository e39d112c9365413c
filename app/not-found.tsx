import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-start gap-5 px-4 py-24 sm:px-6">
      <p className="font-mono text-sm text-ink-subtle tabular">404</p>
      <h1 className="font-display text-4xl font-normal tracking-tight sm:text-5xl">{t("title")}</h1>
      <p className="text-lg text-ink-muted">{t("body")}</p>
      <Link href="/" className={buttonStyles({ variant: "primary" })}>
        {t("back")}
      </Link>
    </div>
  );
}
