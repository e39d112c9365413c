import "server-only";

import { kycDocumentKinds } from "@/lib/db/schema";
import { canEditApplication, getApplication, storeKycDocument } from "@/lib/kyc";
import { refuse } from "./guard";
import { applicationDocumentRoute } from "./application-documents";

/*
 * KYC documents as a route handler: POST /api/uploads/kyc/:applicationId/:kind?name=… with the file as the body.
 * Only the applicant, on an application still editable, may send one; that is checked before the body is read.
 * The type from the content, encryption at rest and the audit entry stay in lib/kyc/documents.
 */

export const postKycDocument = applicationDocumentRoute({
  area: "kyc",
  kinds: kycDocumentKinds,
  own: async ({ ctx, db, words }, id) => {
    const app = await getApplication(db, { id });
    if (!app) return { refused: refuse(words, 404, "not_found") };
    const actor = {
      address: ctx.address.toLowerCase(),
      compliance: ctx.roles.compliance,
      investorId: ctx.investor?.id ?? null,
    };
    // Compliance may view an application, but only the applicant adds to it.
    if (actor.investorId === null || app.investorId !== actor.investorId)
      return { refused: refuse(words, 403, "not_found") };
    if (!canEditApplication(actor, app)) return { refused: refuse(words, 409, "not_editable") };
    return app;
  },
  store: storeKycDocument,
  refreshed: ["/onboarding", "layout"],
});
