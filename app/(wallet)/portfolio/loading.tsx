import { getTranslations } from "next-intl/server";
import { PageSkeleton, TitleSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default async function PortfolioLoading() {
  const t = await getTranslations("portfolio");
  return (
    <PageSkeleton label={t("loading")} className="max-w-7xl pt-10">
      <TitleSkeleton />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-2xl" />
        ))}
      </div>
    </PageSkeleton>
  );
}
