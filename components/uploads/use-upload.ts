"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** What the upload routes answer (lib/uploads/respond.ts). */
export type UploadAnswer =
  | { ok: true; message: string }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string>; retryAfterSeconds?: number };

/** The last answer, with its time (a new answer re-announces even when the words repeat). */
export type UploadState = (UploadAnswer & { at: number }) | null;

/** The words for answers that carry none (the network failed, or something in front of the app answered). */
export type UploadFallbackWords = {
  unavailable: string;
  tooLarge: string;
  wait: (seconds: number) => string;
};

/**
 * Sends a file (or a multipart form) to an upload route with fetch, so the form is never reset or replaced by a
 * refusal: what was typed stays. On success the form is cleared and the page's data refreshed.
 */
export function useUpload(words: UploadFallbackWords) {
  const router = useRouter();
  const [state, setState] = useState<UploadState>(null);
  const [pending, setPending] = useState(false);

  async function send(
    url: string,
    body: Blob | FormData,
    { form, contentType }: { form: HTMLFormElement; contentType?: string },
  ): Promise<boolean> {
    setPending(true);
    try {
      const answer = await post(url, body, contentType, words);
      setState({ ...answer, at: Date.now() });
      if (answer.ok) {
        form.reset();
        router.refresh();
      }
      return answer.ok;
    } finally {
      setPending(false);
    }
  }

  return { state, pending, send, clear: () => setState(null) };
}

async function post(
  url: string,
  body: Blob | FormData,
  contentType: string | undefined,
  words: UploadFallbackWords,
): Promise<UploadAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: contentType ? { "Content-Type": contentType } : undefined,
    });
  } catch {
    return { ok: false, code: "unavailable", message: words.unavailable };
  }
  const json = (await response.json().catch(() => null)) as UploadAnswer | null;
  if (json && typeof json === "object" && typeof json.message === "string") return json;
  if (response.status === 413) return { ok: false, code: "tooLarge", message: words.tooLarge };
  if (response.status === 429) {
    const seconds = Math.max(1, Number(response.headers.get("retry-after")) || 60);
    return { ok: false, code: "rate_limited", message: words.wait(seconds), retryAfterSeconds: seconds };
  }
  return { ok: false, code: "unavailable", message: words.unavailable };
}
