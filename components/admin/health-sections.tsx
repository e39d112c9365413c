import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Cell, DataTable, keyColumns, Row, RowHeader } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { type Fact, FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import type { HealthPart, OperatorHealth } from "@/lib/admin";
import { formatDayTime } from "@/lib/format/date";

function StateBadge({ ok, children }: { ok: boolean; children: string }) {
  return (
    <Badge tone={ok ? "success" : "danger"} icon={ok ? "check" : "error"}>
      {children}
    </Badge>
  );
}

/**
 * One check of the report (chain, indexer, database), named as its sections are (`health-<name>`, the title its
 * name's message): its state, then its facts, or the error that stopped it.
 */
export async function HealthCheck<T>({
  name,
  part,
  facts,
}: {
  name: "chain" | "indexer" | "database";
  part: HealthPart<T>;
  facts: (value: T) => Fact[];
}) {
  const t = await getTranslations("admin.health");
  return (
    <Section
      id={`health-${name}`}
      look="card"
      title={t(name)}
      actions={<StateBadge ok={part.ok}>{part.ok ? t("ok") : t("failing")}</StateBadge>}
    >
      <FactList facts={part.ok ? facts(part.value) : [{ label: t("error"), value: part.error }]} />
    </Section>
  );
}

/** The periodic jobs' last runs (from `job_runs`, shared by every instance). */
export async function HealthJobs({ jobs }: { jobs: OperatorHealth["jobs"] }) {
  const [t, locale] = await Promise.all([getTranslations("admin.health"), getLocale()]);
  if (!jobs.ok)
    return (
      <Section id="health-jobs" look="console" title={t("jobs")}>
        <p className="text-sm text-danger">{jobs.error}</p>
      </Section>
    );
  const rows = (["housekeeping", "notifications"] as const).map((job) => ({ job, run: jobs.value[job][0] ?? null }));
  return (
    <Section id="health-jobs" look="console" title={t("jobs")} intro={t("jobsIntro")}>
      <DataTable
        labelledBy="health-jobs"
        testId="health-jobs"
        minWidth="20rem"
        columns={keyColumns(["colJob", "colLastRun", "colOutcome"], t)}
      >
        {rows.map(({ job, run }) => (
          <Row key={job}>
            <RowHeader>{t(`jobNames.${job}`)}</RowHeader>
            <Cell>{run ? formatDayTime(run.startedAt, locale) : t("neverRan")}</Cell>
            <Cell>{run ? <StateBadge ok={run.ok}>{run.ok ? t("runOk") : t("runFailed")}</StateBadge> : "—"}</Cell>
          </Row>
        ))}
      </DataTable>
    </Section>
  );
}

/** This instance's recent unexpected errors, with the request id the person was shown. */
export async function HealthErrors({ errors }: { errors: OperatorHealth["errors"] }) {
  const [t, locale] = await Promise.all([getTranslations("admin.health"), getLocale()]);
  return (
    <Section id="health-errors" look="console" title={t("errors")} intro={t("errorsIntro")}>
      {errors.length === 0 ? (
        <EmptyState title={t("noErrorsTitle")} description={t("noErrorsBody")} />
      ) : (
        <DataTable
          labelledBy="health-errors"
          testId="health-errors"
          minWidth="44rem"
          columns={keyColumns(["colAt", "colRequest", "colWhere", "colMessage"], t)}
        >
          {errors.map((e) => (
            <Row key={e.requestId}>
              <Cell>{formatDayTime(e.at, locale)}</Cell>
              <RowHeader>
                <code className="font-mono text-xs break-all">{e.requestId}</code>
              </RowHeader>
              <Cell>
                <code className="font-mono text-xs">{e.where}</code>
              </Cell>
              <Cell className="break-words">{e.message}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </Section>
  );
}
