import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listingFormValuesOf } from "@/components/issuer/form-values";
import { ListingForm } from "@/components/issuer/listing-form";
import { requirePageSession } from "@/lib/auth";
import { isEditable, getIssuerListing } from "@/lib/issuer";
import { titleMetadata } from "@/lib/i18n/metadata";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = titleMetadata("issuer.form", "editTitle");

export default async function EditListingPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "issuer", next: `/issuer/artworks/${id}/edit` });
  const data = await getIssuerListing({ id, issuer: ctx.address });
  // Another issuer's listing is indistinguishable from one that does not exist.
  if (!data) notFound();
  if (!isEditable(data.artwork)) redirect(`/issuer/artworks/${id}`);
  const t = await getTranslations("issuer.form");
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <Link
        href={`/issuer/artworks/${id}`}
        className="text-sm text-ink-muted underline-offset-4 hover:text-ink hover:underline"
      >
        ← {t("backToListing")}
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="font-display text-4xl leading-tight">{t("editTitle")}</h1>
        <p className="text-ink-muted">{data.artwork.title}</p>
      </header>
      <ListingForm id={id} values={listingFormValuesOf(data.artwork)} />
    </div>
  );
}
