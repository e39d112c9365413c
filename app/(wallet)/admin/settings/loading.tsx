import { getTranslations } from "next-intl/server";
import { PageSkeleton, TitleSkeleton } from "@/components/ui/page-skeleton";

/** The settings page while it loads: its title's and rows' shape (no heading). */
export default async function AdminSettingsLoading() {
  const t = await getTranslations("admin.settings");
  return (
    <PageSkeleton label={t("loading")} className="max-w-5xl pt-8" rows={4} rowClassName="h-40 w-full rounded-xl">
      <TitleSkeleton className="h-10 w-72 max-w-full" />
    </PageSkeleton>
  );
}
