import type { ReactNode } from "react";
import { cn } from "./cn";

export type Fact = {
  label: ReactNode;
  /** `null` or `undefined` shows an em dash: a fact not given is said, never left blank. */
  value: ReactNode | null | undefined;
  key?: string;
};

/** Label–value pairs as a description list (`dl`): the one way Atelier shows the facts of a record. */
export function FactList({
  facts,
  className,
  dense = true,
  stackOnPhones = false,
}: {
  facts: Fact[];
  className?: string;
  /** Tight rows for panels; `false` spaces them for a page's main facts. */
  dense?: boolean;
  /** Each label above its value on phones, side by side from the `sm` width up. */
  stackOnPhones?: boolean;
}) {
  return (
    <dl
      className={cn(
        "grid gap-x-6 text-sm",
        stackOnPhones ? "grid-cols-1 sm:grid-cols-[auto_1fr]" : "grid-cols-[auto_1fr]",
        dense ? "gap-y-1" : "gap-y-2",
        className,
      )}
    >
      {facts.map((f, i) => (
        <Pair key={f.key ?? i} label={f.label} value={f.value} />
      ))}
    </dl>
  );
}

function Pair({ label, value }: { label: ReactNode; value: ReactNode | null | undefined }) {
  return (
    <>
      <dt className="text-ink-muted">{label}</dt>
      <dd className="min-w-0 break-words">{value ?? "—"}</dd>
    </>
  );
}
