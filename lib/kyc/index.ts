/**
 * lib/kyc's public surface: what routes, server components, actions and other domains call. Its client-safe part (pure
 * helpers, types) is ./client, which client components import instead.
 */
export { QUEUE_SORTS, canEditApplication, expireLapsedApprovals, getApplication } from "./applications";
export type { KycActor, QueueFilters } from "./applications";
export * from "./decisions";
export { openKycDocument } from "./document-access";
export { storeKycDocument } from "./documents";
export { ANSWER_STEPS, saveWizardStep, startApplication, submitApplication } from "./onboarding";
export { canApprove, isEditable, isReviewable, needsFourEyes, needsRenewal } from "./state";
export {
  QUEUE_AGES,
  getKycApplicationView,
  getKycQueueView,
  getOnboardingView,
  getWalletLinkQueueView,
  getWizardStepView,
  investorCategories,
  kycStatuses,
} from "./views";
export type { KycApplicationView, WalletLinkQueueView, WizardStepView } from "./views";
export {
  cancelLinkRequest,
  confirmWalletLink,
  getInvestorLinkRequests,
  getInvitationFor,
  getNewWalletMessage,
  officerStartLinkRequest,
  planWalletLink,
  readWalletsVerified,
  rejectWalletLink,
  signInvitedLink,
  signLinkAsCurrent,
  signLinkAsNew,
  startLinkRequest,
} from "./wallet-links";
export type { LinkQueueRow, WalletLinkError } from "./wallet-links";
export {
  cancelUnlink,
  confirmUnlink,
  getInvestorUnlinkRequests,
  planUnlink,
  readWalletExposure,
  requestUnlink,
} from "./wallet-unlinks";
export type { UnlinkError, WalletExposure } from "./wallet-unlinks";
export { DocumentDecryptionError } from "./crypto";
export { decryptForViewing, storeApplicationDocument } from "./documents";
export type { DocumentUpload, OpenedDocument } from "./documents";
export { auditApplicationRefusal } from "./transitions";
export * from "./client";
