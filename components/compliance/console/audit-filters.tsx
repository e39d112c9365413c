import { getTranslations } from "next-intl/server";
import { getAuditActionNamer } from "@/components/compliance/console/audit-table";
import { ConsoleFilterForm } from "@/components/compliance/console/filter-form";
import { Input, Select } from "@/components/ui/input";
import type { AuditParams } from "@/lib/compliance/audit-query";

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
  const field = (name: "actor" | "investor" | "token", label: string, mono = true) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`audit-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <Input
        id={`audit-${name}`}
        name={name}
        defaultValue={p[name] ?? ""}
        className={mono ? "font-mono" : undefined}
        autoComplete="off"
      />
    </div>
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
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="text-sm font-medium">
          {t("action")}
        </label>
        <Select id="audit-action" name="action" defaultValue={p.action ?? ""}>
          <option value="">{t("anyAction")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionWords(a)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-from" className="text-sm font-medium">
          {t("from")}
        </label>
        <Input id="audit-from" name="from" type="date" defaultValue={p.from ?? ""} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-to" className="text-sm font-medium">
          {t("to")}
        </label>
        <Input
          id="audit-to"
          name="to"
          type="date"
          defaultValue={p.to ?? ""}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? "audit-range-error" : undefined}
        />
        {rangeError ? (
          <p id="audit-range-error" className="text-sm font-medium text-danger">
            {t("toBeforeFrom")}
          </p>
        ) : null}
      </div>
    </ConsoleFilterForm>
  );
}
