import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { HealthCheck, HealthErrors, HealthJobs } from "@/components/admin/health-sections";
import { getOperatorHealth } from "@/lib/admin";
import { requirePageSession } from "@/lib/auth";
import { formatDayTime } from "@/lib/format/date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.health");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

/** Operators' health: chain head, indexer lag, database, job runs and this instance's recent errors. */
export default async function AdminHealthPage() {
  await requirePageSession({ role: "admin", next: "/admin/health" });
  const [h, t, locale] = await Promise.all([getOperatorHealth(), getTranslations("admin.health"), getLocale()]);
  const n = (v: bigint | number | null) => (v === null ? null : Number(v).toLocaleString(locale));
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <AdminHeader current="health" />
      <div className="grid gap-6 md:grid-cols-3">
        <HealthCheck
          name="chain"
          part={h.chain}
          facts={(chain) => [
            { label: t("chainId"), value: chain.chainId },
            { label: t("head"), value: n(chain.head) },
            { label: t("headAt"), value: formatDayTime(chain.headAt, locale) },
          ]}
        />
        <HealthCheck
          name="indexer"
          part={h.indexer}
          facts={(indexer) => [
            { label: t("mode"), value: indexer.mode },
            { label: t("cursor"), value: n(indexer.cursor) ?? t("notStarted") },
            { label: t("lag"), value: indexer.lag === null ? null : t("lagBlocks", { count: Number(indexer.lag) }) },
          ]}
        />
        <HealthCheck
          name="database"
          part={h.database}
          facts={(database) => [
            { label: t("reachable"), value: t("yes") },
            {
              label: t("migrations"),
              value:
                database.shipped === null
                  ? n(database.applied)
                  : t("migrationsOf", { applied: database.applied, shipped: database.shipped }),
            },
          ]}
        />
      </div>
      <HealthJobs jobs={h.jobs} />
      <HealthErrors errors={h.errors} />
    </div>
  );
}
