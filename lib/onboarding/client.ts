/**
 * lib/onboarding's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { ONBOARDING_STEPS, currentStep, onboardingState } from "./status";
export type { OnboardingState } from "./status";
