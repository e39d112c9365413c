import { Alert } from "@/components/ui/alert";

/** What a notification form's server action answers. */
export type Result = { ok: true } | { ok: false; message: string };

/** The action's answer in a polite live region: its refusal in words, or `done` (when given) once it succeeded. */
export function ActionOutcome({ state, done }: { state: Result | null; done?: string }) {
  return (
    <div aria-live="polite">
      {state && !state.ok ? (
        <Alert tone="error" role="none">
          {state.message}
        </Alert>
      ) : state?.ok && done ? (
        <Alert tone="success" role="none">
          {done}
        </Alert>
      ) : null}
    </div>
  );
}
