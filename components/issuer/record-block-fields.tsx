"use client";

import { NumField } from "@/components/ui/num-field";

/** The record block of a distribution or a sale vote: "now" (the latest block recorded) or a block number. */
export function RecordBlockFields({
  ids,
  mode,
  setMode,
  block,
  setBlock,
  error,
  labels,
}: {
  ids: string;
  mode: "now" | "block";
  setMode: (m: "now" | "block") => void;
  block: string;
  setBlock: (v: string) => void;
  error: string | undefined;
  labels: { legend: string; now: string; at: string; number: string };
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{labels.legend}</legend>
      {(["now", "block"] as const).map((m) => (
        <label key={m} className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${ids}-record`} value={m} checked={mode === m} onChange={() => setMode(m)} />
          {m === "now" ? labels.now : labels.at}
        </label>
      ))}
      {mode === "block" ? (
        <NumField id={`${ids}-recordBlock`} label={labels.number} error={error} value={block} set={setBlock} />
      ) : null}
    </fieldset>
  );
}
