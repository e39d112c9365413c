"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionSpec, AgentActionRequest } from "./agent-action-dialog";
import { ConfirmBox, ReasonField, ReasonNote, reasonIsValid } from "./batch-parts";
import { OfficerSignFooter, useOfficerWallet } from "./officer-sign";
import { useAgentTx } from "./use-agent-tx";

/**
 * The agent-action dialog itself (its form, review and the officer's wallet transaction), loaded when an officer
 * first presses an action button (see `AgentActionHost`), not with the console's pages.
 */

/**
 * Edit (action, fields, required reason) → review (exactly what will change) → sign with the officer's own wallet →
 * confirmed and recorded in the audit log. The page refreshes from the chain afterwards.
 */
export function AgentActionDialog({
  request: live,
  open,
  onOpenChange,
}: {
  request: AgentActionRequest;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  // What the officer signed stays on screen, whatever the refresh after it says.
  const [signed, setSigned] = useState<AgentActionRequest | null>(null);
  const { title, officer, specs } = signed ?? live;
  const t = useTranslations("complianceConsole.actions");
  const router = useRouter();
  const uid = useId();
  const { wrongWallet } = useOfficerWallet(officer);
  const [specId, setSpecId] = useState(specs[0]?.id ?? "");
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stage, setStage] = useState<"edit" | "review">("edit");
  const tx = useAgentTx();
  const spec = specs.find((s) => s.id === specId) ?? specs[0];
  if (!spec) return null;

  const fieldValues = Object.fromEntries(
    spec.fields.map((f) => [f.name, values[`${spec.id}.${f.name}`] ?? f.defaultValue ?? ""]),
  );

  function reset(next: boolean) {
    // Never close while the wallet or the audit log is still working: the officer would lose the outcome.
    if (!next && tx.busy) return;
    onOpenChange(next);
    if (!next && tx.step.kind === "confirmed") router.refresh();
  }

  function review(e: React.FormEvent) {
    e.preventDefault();
    if (!spec) return;
    const found = spec.validate(fieldValues);
    if (!reasonIsValid(reason)) found.reason = t("validation.reason");
    setErrors(found);
    if (Object.keys(found).length === 0) setStage("review");
  }

  async function sign() {
    if (!spec) return;
    setSigned(live);
    await tx.run((chain) => spec.call(fieldValues, chain), reason);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={reset}
      closeLabel={t("close")}
      title={title}
      description={t("dialogIntro")}
      className="sm:w-[min(92vw,34rem)]"
    >
      {stage === "edit" ? (
        <form onSubmit={review} noValidate className="flex flex-col gap-4">
          <ActionRefusal spec={spec} uid={uid} errors={errors} />
          <ActionChooser
            specs={specs}
            spec={spec}
            uid={uid}
            onChoose={(id) => {
              setSpecId(id);
              setErrors({});
            }}
          />
          <ActionFields
            spec={spec}
            uid={uid}
            fieldValues={fieldValues}
            errors={errors}
            onChange={(key, v) => setValues((prev) => ({ ...prev, [key]: v }))}
          />
          <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={errors.reason} />
          {wrongWallet ? <Alert tone="warn">{t("connectHint", { wallet: officer })}</Alert> : null}
          <div className="flex justify-end">
            <Button type="submit">{t("review")}</Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-4">
          <ConfirmBox id={`${uid}-confirm`} title={t("confirmTitle")}>
            <p data-testid="agent-confirm" className="[overflow-wrap:anywhere]">
              {spec.confirm(fieldValues)}
            </p>
            <ReasonNote reason={reason} />
          </ConfirmBox>
          {tx.step.kind === "confirmed" && spec.doneNote ? (
            <Alert tone="warn">
              <span data-testid="agent-done-note">{spec.doneNote}</span>
            </Alert>
          ) : null}
          <OfficerSignFooter
            officer={officer}
            tx={tx}
            signLabel={t("sign")}
            danger={spec.danger}
            onSign={sign}
            onBack={() => {
              setStage("edit");
              setSigned(null);
            }}
            onDone={() => reset(false)}
          />
        </div>
      )}
    </Dialog>
  );
}

/** A refused edit stage's error summary: each field's message, linked to its control. */
function ActionRefusal({ spec, uid, errors }: { spec: ActionSpec; uid: string; errors: Record<string, string> }) {
  const t = useTranslations("complianceConsole.actions");
  const tUi = useTranslations("ui.errorSummary");
  return Object.keys(errors).length > 0 ? (
    <ErrorSummary
      title={tUi("fields")}
      focusKey={errors}
      items={errorItems(errors, {
        order: [...spec.fields.map((f) => f.name), "reason"],
        control: (name) => (name === "reason" ? `${uid}-reason` : `${uid}-${spec.id}.${name}`),
        label: (name) => (name === "reason" ? t("reason") : (spec.fields.find((f) => f.name === name)?.label ?? name)),
      })}
    />
  ) : null;
}

/** The choice of action, when the request offers more than one. */
function ActionChooser({
  specs,
  spec,
  uid,
  onChoose,
}: {
  specs: ActionSpec[];
  spec: ActionSpec;
  uid: string;
  onChoose: (id: string) => void;
}) {
  const t = useTranslations("complianceConsole.actions");
  return specs.length > 1 ? (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{t("choose")}</legend>
      {specs.map((s) => (
        <label key={s.id} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={`${uid}-action`}
            value={s.id}
            checked={s.id === spec.id}
            onChange={() => onChoose(s.id)}
            className="size-4 accent-accent"
          />
          {s.label}
        </label>
      ))}
    </fieldset>
  ) : null;
}

/** The chosen action's fields (amount, address, select, date), each value kept per action and field. */
function ActionFields({
  spec,
  uid,
  fieldValues,
  errors,
  onChange,
}: {
  spec: ActionSpec;
  uid: string;
  fieldValues: Record<string, string>;
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <>
      {spec.fields.map((f) => {
        const key = `${spec.id}.${f.name}`;
        const set = (v: string) => onChange(key, v);
        return (
          <Field key={key} id={`${uid}-${key}`} label={f.label} hint={f.hint} error={errors[f.name]}>
            {(control) =>
              f.kind === "select" ? (
                <Select {...control} value={fieldValues[f.name]} onChange={(e) => set(e.target.value)}>
                  {(f.options ?? []).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  {...control}
                  value={fieldValues[f.name]}
                  onChange={(e) => set(e.target.value)}
                  inputMode={f.kind === "amount" ? "numeric" : undefined}
                  type={f.kind === "date" ? "date" : "text"}
                  autoComplete="off"
                  spellCheck={false}
                  className={f.kind === "address" ? "font-mono" : undefined}
                />
              )
            }
          </Field>
        );
      })}
    </>
  );
}
