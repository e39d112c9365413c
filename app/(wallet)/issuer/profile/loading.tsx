import { getTranslations } from "next-intl/server";
import { PageSkeleton, TitleSkeleton } from "@/components/ui/page-skeleton";

/** The company profile while it loads: its title's and form's shape (no heading). */
export default async function IssuerProfileLoading() {
  const t = await getTranslations("issuer.profile");
  return (
    <PageSkeleton label={t("loading")} className="max-w-4xl pt-8" rowClassName="h-24 w-full rounded-xl">
      <TitleSkeleton className="h-10 w-72 max-w-full" />
    </PageSkeleton>
  );
}
