"use client";

import { createContext, lazy, Suspense, useContext, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { LoadingSignal } from "@/components/ui/loading-signal";
import type { AgentChain } from "./load-agent-chain";
import type { AgentCall } from "./use-agent-tx";

export type ActionField = {
  name: string;
  kind: "amount" | "address" | "select" | "date";
  label: string;
  hint?: string;
  defaultValue?: string;
  options?: { value: string; label: string }[];
};

/** One agent action: its fields, its checks, the sentence that says what changes, and the call. Built client-side. */
export type ActionSpec = {
  id: string;
  label: string;
  danger?: boolean;
  fields: ActionField[];
  /** Field errors in words, keyed by field name; empty when valid. */
  validate: (values: Record<string, string>) => Record<string, string>;
  confirm: (values: Record<string, string>) => string;
  /** The call, from the ABIs loaded when the officer signs (`chain`). */
  call: (values: Record<string, string>, chain: AgentChain) => AgentCall;
  /** What the officer should do next, shown once the transaction is confirmed and audited. */
  doneNote?: string;
};

export type AgentActionRequest = { title: string; officer: string; specs: ActionSpec[] };

type HostApi = {
  open: (id: string, request: AgentActionRequest) => void;
  /** The row re-rendered (the page refreshed from the chain): its request reflects the new state. */
  update: (id: string, request: AgentActionRequest) => void;
};
const AgentActionHostContext = createContext<HostApi | null>(null);
/** The action whose dialog code is still on its way (its button says it is busy), or null. */
const LoadingContext = createContext<string | null>(null);

/** The dialog's code (form, review, the officer's wallet transaction): fetched on first intent, not with the page. */
const loadDialog = () => import("./agent-action-body");
const AgentActionDialog = lazy(() => loadDialog().then((m) => ({ default: m.AgentActionDialog })));

/**
 * Holds the console's one agent-action dialog, above the tables whose rows open it, so it stays open through the
 * refresh that follows the transaction — even when that refresh removes the row (a recovery empties the old wallet).
 * While the officer edits, the dialog follows the row's latest state (a refresh after the previous action lands);
 * from the moment they sign, it keeps what they signed (pause → unpause must not rewrite the outcome shown).
 */
export function AgentActionHost({ children }: { children: React.ReactNode }) {
  const [active, setActive] = useState<{ id: string; request: AgentActionRequest } | null>(null);
  const [open, setOpen] = useState(false);
  const [run, setRun] = useState(0);
  const [loading, setLoading] = useState(false);
  const api = useMemo<HostApi>(
    () => ({
      open: (id, request) => {
        setActive({ id, request });
        setRun((n) => n + 1);
        setOpen(true);
      },
      update: (id, request) => setActive((a) => (a && a.id === id ? { id, request } : a)),
    }),
    [],
  );
  return (
    <AgentActionHostContext.Provider value={api}>
      <LoadingContext.Provider value={loading && active ? active.id : null}>{children}</LoadingContext.Provider>
      {active ? (
        <Suspense fallback={<LoadingSignal onLoading={setLoading} />}>
          <AgentActionDialog key={run} request={active.request} open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </AgentActionHostContext.Provider>
  );
}

/** The button that opens the host's dialog for one request; `id` names what it acts on (token + wallet, …). */
export function AgentActionButton({
  id,
  label,
  variant = "secondary",
  request,
  className,
  row = false,
}: {
  id: string;
  label: string;
  variant?: "secondary" | "ghost" | "danger" | "primary";
  request: AgentActionRequest;
  /** For a long label that must wrap on a phone (Button has no class merging: use important utilities). */
  className?: string;
  /** A table row's button: the small secondary look as one class (`row-button`), not a dozen utilities per row. */
  row?: boolean;
}) {
  const api = useContext(AgentActionHostContext);
  const loading = useContext(LoadingContext) === id;
  if (!api) throw new Error("AgentActionButton must be rendered inside an AgentActionHost.");
  // After each render (new props from a refresh), hand the open dialog the row's current state.
  useEffect(() => {
    api.update(id, request);
  });
  const props = {
    onClick: () => api.open(id, request),
    // The dialog's code starts loading as soon as the officer points at or tabs to the button.
    onPointerEnter: () => void loadDialog(),
    onFocus: () => void loadDialog(),
    "aria-haspopup": "dialog",
    "aria-busy": loading || undefined,
    children: label,
  } as const;
  return row ? (
    <button type="button" className="row-button" {...props} />
  ) : (
    <Button size="sm" variant={variant} className={className} {...props} />
  );
}
