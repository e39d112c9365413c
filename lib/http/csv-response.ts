import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth";
import { contentDisposition } from "@/lib/format/csv";

/** The plain 404 of a compliance-only route: it does not reveal that it exists. */
export const notFoundResponse = (): Response => new Response("Not found.\n", { status: 404 });

/**
 * The compliance session of a CSV export route, or null for everybody else (who gets notFoundResponse()): an
 * AuthError is a refusal, anything else is thrown on.
 */
export async function complianceSessionOrNull(): Promise<Awaited<ReturnType<typeof requireSession>> | null> {
  try {
    return await requireSession({ role: "compliance" });
  } catch (error) {
    if (error instanceof AuthError) return null;
    throw error;
  }
}

/** A CSV download (a string, or a stream written as it is read): attachment under `filename`, never cached; `headers` are added on top. */
export function csvResponse(
  csv: string | ReadableStream<Uint8Array>,
  filename: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition("attachment", filename),
      "cache-control": "private, no-store",
      ...headers,
    },
  });
}
