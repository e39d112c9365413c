import { getTranslations } from "next-intl/server";
import { getAuditActionNamer } from "@/components/compliance/console/audit-table";
import { ConsoleFilterForm } from "@/components/compliance/console/filter-form";
import { FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import type { AuditParams } from "@/lib/compliance";

/** The audit log's filters (a GET form: the state lives in the URL): actor, investor, token, action and dates. */
export async function AuditFilters({
  p,
  actions,
  rangeError,
}: {
  p: AuditParams;
  actions: string[];
  rangeError: boolean;
}) {
  const [t, actionWords] = await Promise.all([getTranslations("complianceConsole.audit"), getAuditActionNamer()]);
  const field = (name: "actor" | "investor" | "token", label: string) => (
    <FilterInput
      id={`audit-${name}`}
      label={label}
      name={name}
      defaultValue={p[name] ?? ""}
      className="font-mono"
      autoComplete="off"
    />
  );
  return (
    <ConsoleFilterForm
      action="/compliance/audit"
      values={{ ...p, page: undefined }}
      label={t("filters")}
      applyLabel={t("apply")}
      resetLabel={t("reset")}
      className="grid gap-3 rounded-xl border border-line p-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
      actionsClassName="sm:col-span-3 lg:col-span-6"
    >
      {field("actor", t("actor"))}
      {field("investor", t("investor"))}
      {field("token", t("token"))}
      <FilterSelect
        id="audit-action"
        label={t("action")}
        name="action"
        defaultValue={p.action ?? ""}
        any={t("anyAction")}
        options={actions.map((a) => ({ value: a, label: actionWords(a) }))}
      />
      <FilterInput id="audit-from" label={t("from")} name="from" type="date" defaultValue={p.from ?? ""} />
      <FilterInput
        id="audit-to"
        label={t("to")}
        name="to"
        type="date"
        defaultValue={p.to ?? ""}
        error={rangeError ? t("toBeforeFrom") : undefined}
      />
    </ConsoleFilterForm>
  );
}
