"use client";

import { type FormEvent, useState } from "react";

/**
 * Refuses a file over the size limit in the browser, before the form is sent, and shows the "over the size limit"
 * words beside the field. The upload route (app/api/uploads) refuses the same file with the same words (413, by
 * Content-Length and by counting the stream) for anything that gets past this one.
 */
export function useFileSizeGuard({ field, maxBytes }: { field: string; maxBytes: number }) {
  // A new object on each refused submission: the form's error summary takes focus again (its `focusKey`).
  const [refusal, setRefusal] = useState<object | null>(null);
  const tooLarge = refusal !== null;
  return {
    tooLarge,
    refusal,
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const files = new FormData(event.currentTarget).getAll(field);
      const over = files.some((f) => f instanceof File && f.size > maxBytes);
      setRefusal(over ? {} : null);
      if (over) event.preventDefault();
    },
    /** Forget the refusal once another file is chosen. */
    onChange(event: FormEvent<HTMLFormElement>) {
      if (tooLarge && (event.target as HTMLInputElement).name === field) setRefusal(null);
    },
  };
}
