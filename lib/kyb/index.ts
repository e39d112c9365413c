/**
 * Issuer onboarding (know your business): a company applies from its wallet, compliance reviews it with four eyes,
 * the platform admin grants the issuer role on-chain to its signatory wallets, and the application becomes active.
 * Tables `issuer_applications` and `issuer_application_documents` belong to this module alone.
 */
export {
  checkSignatoryWallets,
  getApplicationOf,
  getOwnApplication,
  saveKybDraft,
  submitKybApplication,
  type KybApplicantError,
  type RoleReader,
} from "./applications";
export { getCompanyOfWallet, type CompanyNames } from "./company";
export { listKybDocuments, openKybDocument, storeKybDocument, type KybDocumentViewer } from "./documents";
export {
  activateIfGranted,
  approveKybApplication,
  decideKybApplication,
  listAwaitingIssuerRole,
  listKybQueue,
  preApproveKybApplication,
  saveKybReview,
} from "./review";
export { getIssuerApplication, type KybResult } from "./transitions";
export {
  chainRoleReader,
  getAwaitingIssuerRoleView,
  getKybApplicationView,
  getKybQueueView,
  getMyIssuerApplicationView,
  openIssuerDocument,
  type KybDocumentView,
} from "./views";
