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
  fieldIssues,
  formatProvenance,
  listingFields,
  listingFormValues,
  listingInput,
  tokenRulesInput,
  validateOfferingTerms,
} from "./validation";
export type { ListingField } from "./validation";
export { LIMITS, fieldIssueKey } from "./field-issue";
export type { FieldIssue } from "./field-issue";
export { issuerProfileInput } from "./profile-input";
export { PROFILE_LIMITS } from "./profile-limits";
export type { IssuerProfileEditView, IssuerProfileInput, PublicIssuerView } from "./profile-input";
