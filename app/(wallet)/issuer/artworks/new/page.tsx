import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listingFormValuesOf } from "@/components/issuer/form-values";
import { ListingForm } from "@/components/issuer/listing-form";
import { requirePageSession } from "@/lib/auth";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("issuer.form", "newTitle");

export default async function NewListingPage() {
  await requirePageSession({ role: "issuer", next: "/issuer/artworks/new" });
  const t = await getTranslations("issuer.form");
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <Link href="/issuer" className="text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline">
        ← {t("back")}
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="font-display text-4xl leading-tight">{t("newTitle")}</h1>
        <p className="text-ink-muted">{t("newIntro")}</p>
      </header>
      <ListingForm id={null} values={listingFormValuesOf(null)} />
    </div>
  );
}
