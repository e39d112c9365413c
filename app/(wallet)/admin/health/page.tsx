import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { HealthJobs, HealthErrors } from "@/components/admin/health-sections";
import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import { getOperatorHealth } from "@/lib/admin/health";
import { requirePageSession } from "@/lib/auth/guard";
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
  const state = (ok: boolean) => (
    <Badge tone={ok ? "success" : "danger"} icon={ok ? "check" : "error"}>
      {ok ? t("ok") : t("failing")}
    </Badge>
  );
  const n = (v: bigint | number | null) => (v === null ? null : Number(v).toLocaleString(locale));
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <AdminHeader current="health" />
      <div className="grid gap-6 md:grid-cols-3">
        <Section id="health-chain" look="card" title={t("chain")} actions={state(h.chain.ok)}>
          <FactList
            facts={
              h.chain.ok
                ? [
                    { label: t("chainId"), value: h.chain.value.chainId },
                    { label: t("head"), value: n(h.chain.value.head) },
                    { label: t("headAt"), value: formatDayTime(h.chain.value.headAt, locale) },
                  ]
                : [{ label: t("error"), value: h.chain.error }]
            }
          />
        </Section>
        <Section id="health-indexer" look="card" title={t("indexer")} actions={state(h.indexer.ok)}>
          <FactList
            facts={
              h.indexer.ok
                ? [
                    { label: t("mode"), value: h.indexer.value.mode },
                    { label: t("cursor"), value: n(h.indexer.value.cursor) ?? t("notStarted") },
                    {
                      label: t("lag"),
                      value:
                        h.indexer.value.lag === null ? null : t("lagBlocks", { count: Number(h.indexer.value.lag) }),
                    },
                  ]
                : [{ label: t("error"), value: h.indexer.error }]
            }
          />
        </Section>
        <Section id="health-database" look="card" title={t("database")} actions={state(h.database.ok)}>
          <FactList
            facts={
              h.database.ok
                ? [
                    { label: t("reachable"), value: t("yes") },
                    {
                      label: t("migrations"),
                      value:
                        h.database.value.shipped === null
                          ? n(h.database.value.applied)
                          : t("migrationsOf", { applied: h.database.value.applied, shipped: h.database.value.shipped }),
                    },
                  ]
                : [{ label: t("error"), value: h.database.error }]
            }
          />
        </Section>
      </div>
      <HealthJobs jobs={h.jobs} />
      <HealthErrors errors={h.errors} />
    </div>
  );
}
