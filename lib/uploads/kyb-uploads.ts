import "server-only";

import { getOwnApplication, storeKybDocument } from "@/lib/kyb";
import { isKybEditable, KYB_DOCUMENT_KINDS } from "@/lib/kyb/types";
import { refuse } from "./guard";
import { applicationDocumentRoute } from "./application-documents";

/*
 * A company document of an issuer application: POST /api/uploads/issuer-applications/:applicationId/:kind?name=…
 * with the file as the body. Only the applying wallet, while the application is editable, checked before the body is
 * read; the content check and sealing at rest are KYC's (lib/kyb/documents → lib/kyc/documents).
 */

export const postKybDocument = applicationDocumentRoute({
  area: "kyb",
  kinds: KYB_DOCUMENT_KINDS,
  own: async ({ ctx, db, words }, id) => {
    // Anyone else's application answers as one that does not exist (403: the caller may not send this body).
    const app = await getOwnApplication(db, { id, applicant: ctx.address.toLowerCase() });
    if (!app) return { refused: refuse(words, 403, "not_found") };
    if (!isKybEditable(app.status)) return { refused: refuse(words, 409, "not_editable") };
    return app;
  },
  store: storeKybDocument,
  refreshed: ["/issuer-application"],
});
