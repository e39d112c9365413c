/**
 * Reading an upload's body without trusting its size: refused by its declared Content-Length first, then by
 * counting the bytes as they stream in, so no more than `maxBytes` is ever held in memory.
 */

/** The body is larger than the route accepts (HTTP 413). `declared` when the Content-Length said so. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    readonly declared: boolean,
  ) {
    super(`Upload body over ${maxBytes} bytes (${declared ? "declared" : "streamed"})`);
    this.name = "BodyTooLargeError";
  }
}

/** The declared Content-Length, or null when absent or not a plain number (a chunked body). */
export function declaredLength(request: Request): number | null {
  const raw = request.headers.get("content-length");
  if (raw === null || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Throws `BodyTooLargeError` when the declared length is over `maxBytes` (checked before any byte is read). */
export function refuseDeclaredOver(request: Request, maxBytes: number): void {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) throw new BodyTooLargeError(maxBytes, true);
}

/**
 * The whole body, at most `maxBytes` of it: the declared length is checked first, then the stream is counted
 * and cancelled as soon as it passes the limit (a chunked or lying client cannot make the server buffer more).
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  refuseDeclaredOver(request, maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes, false);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
