/**
 * lib/issuer's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { chainAnchorReader } from "./anchors";
export { artworkUpdateKinds, documentKinds } from "./kinds";
export type { ArtworkUpdateKind } from "./kinds";
export * from "./names";
export { stageBadge, updateStateLooks } from "./status";
export type { ListingStage } from "./status";
export {
  LIMITS,
  fieldIssueKey,
  fieldIssues,
  formatProvenance,
  listingFields,
  listingFormValues,
  listingInput,
  tokenRulesInput,
  validateOfferingTerms,
} from "./validation";
export type { FieldIssue, ListingField } from "./validation";
export { issuerProfileInput, PROFILE_LIMITS } from "./profile-input";
export type { IssuerProfileEditView, IssuerProfileInput, PublicIssuerView } from "./profile-input";
