/**
 * lib/issuer's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { checkOnChain, confirmListingStep, recordStepSent } from "./chain-check";
export type { StepTxView } from "./chain-check";
export {
  ListingError,
  addListingDocument,
  addListingImage,
  createListing,
  deleteListing,
  getListingById,
  getListingDocuments,
  isEditable,
  latestAppraisal,
  removeListingDocument,
  removeListingImage,
  reviewListing,
  submitListing,
  updateListing,
  withdrawListing,
} from "./listings";
export type { ListingErrorCode } from "./listings";
export { getIssuerDashboard, getIssuerListing, issuerOwnsListing } from "./queries";
export type { IssuerUpdateView } from "./queries";
export * from "./update-documents";
export * from "./update-publish";
export { UPDATE_LIMITS, todayInHongKong, updateFormValues, validateUpdate } from "./update-validation";
export { createUpdate, listPublishedUpdates, updateViewFields } from "./updates";
export type { UpdateViewFields } from "./updates";
export * from "./views";
export * from "./client";
export {
  getIssuerProfile,
  getIssuerProfileEditView,
  getPublicIssuer,
  saveIssuerProfile,
  setIssuerLogo,
} from "./profile";
export { getArtworkIssuerView, getIssuerProfilePageView } from "./profile-views";
