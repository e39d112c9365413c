import { privateDocumentRoute } from "@/lib/http/private-document";
import { openIssuerDocument } from "@/lib/kyb";

export const dynamic = "force-dynamic";

/**
 * A company document of an issuer application, decrypted, for its applicant or a compliance officer only; every view
 * is audited. Anyone else gets 404 (the same as a document that does not exist).
 */
export const GET = privateDocumentRoute((id, ctx) =>
  openIssuerDocument({ id, viewer: { address: ctx.address, compliance: ctx.roles.compliance } }),
);
