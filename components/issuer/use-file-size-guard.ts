"use client";

import { type FormEvent, useState } from "react";

/**
 * Refuses a file over the size limit in the browser, before the form is sent, and shows the "over the size limit"
 * words beside the field. The upload route (app/api/uploads) refuses the same file with the same words (413, by
 * Content-Length and by counting the stream) for anything that gets past this one.
 */
export function useFileSizeGuard({ field, maxBytes }: { field: string; maxBytes: number }) {
  const [tooLarge, setTooLarge] = useState(false);
  return {
    tooLarge,
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const files = new FormData(event.currentTarget).getAll(field);
      const over = files.some((f) => f instanceof File && f.size > maxBytes);
      setTooLarge(over);
      if (over) event.preventDefault();
    },
    /** Forget the refusal once another file is chosen. */
    onChange(event: FormEvent<HTMLFormElement>) {
      if (tooLarge && (event.target as HTMLInputElement).name === field) setTooLarge(false);
    },
  };
}
