import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { contentDisposition } from "@/lib/format/csv";
import { openIssuerDocument } from "@/lib/kyb";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, message: string) {
  return new Response(message, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * A company document of an issuer application, decrypted, for its applicant or a compliance officer only; every view
 * is audited. Anyone else gets 404 (the same as a document that does not exist).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let ctx;
  try {
    ctx = await requireSession();
  } catch (error) {
    if (error instanceof AuthError) return refuse(401, "Please sign in with your wallet to see this document.");
    throw error;
  }
  const viewer = { address: ctx.address, compliance: ctx.roles.compliance };
  const result = await openIssuerDocument({ id, viewer });
  if (result.status === "not_found") return refuse(404, "Document not found.");
  if (result.status === "corrupt") return refuse(500, "This document could not be opened: it failed its integrity check.");
  return new Response(new Uint8Array(result.content), {
    headers: {
      ...noStore,
      "Content-Type": result.mime,
      "Content-Length": String(result.content.length),
      "Content-Disposition": contentDisposition("inline", result.filename),
    },
  });
}
