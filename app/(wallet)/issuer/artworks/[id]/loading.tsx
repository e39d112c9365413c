import { getTranslations } from "next-intl/server";
import { PageSkeleton, TitleSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** A listing while it loads (the chain is read to find where it stands): its header, images and steps' shape. */
export default async function IssuerListingLoading() {
  const t = await getTranslations("issuer.detail");
  return (
    <PageSkeleton
      label={t("loading")}
      className="max-w-5xl pt-8"
      headingClassName="h-7 w-48"
      rowClassName="h-28 w-full rounded-2xl"
    >
      <Skeleton className="h-4 w-32" />
      <TitleSkeleton className="h-10 w-80 max-w-full" />
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="grid grid-cols-2 gap-3">
          <Skeleton className="aspect-square w-full rounded-lg" />
          <Skeleton className="aspect-square w-full rounded-lg" />
        </div>
        <div className="flex flex-col gap-3">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </div>
      </div>
    </PageSkeleton>
  );
}
