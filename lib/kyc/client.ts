/**
 * lib/kyc's client-safe surface: pure helpers and types (no server-only module behind a value), for client components
 * and for any layer.
 */
export type { KycActionCode, KycFormState } from "./action-result";
export { MAX_DOCUMENT_BYTES } from "./content-type";
export { DISCLOSURES, DISCLOSURE_VERSION } from "./disclosures";
export * from "./four-eyes";
export { QUESTIONS, scoreQuestionnaire } from "./questionnaire";
export type { RegistrationPlan } from "./registration";
export { REVIEW_CHECKLIST, isReviewComplete, reviewReadiness } from "./review";
export * from "./status-look";
export { completedSteps, firstIncompleteStep, isWizardStep, requiredDocuments, stepsFor } from "./steps";
export type { WizardStep } from "./steps";
export type { LinkCall } from "./wallet-links";
export type { WalletExposure } from "./wallet-unlinks";
export type { DocumentCheck } from "./content-type";
