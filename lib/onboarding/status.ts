/** Where an investor stands, from the database (application) and the chain (registry): one state, one next step. Pure. */
import type { KycStatus } from "@/lib/db/schema";

export type OnboardingState =
  "verified" | "expired" | "registering" | "in_review" | "needs_information" | "rejected" | "not_started";

export function onboardingState({
  verified,
  registered,
  kycStatus,
}: {
  verified: boolean;
  registered: boolean;
  kycStatus: KycStatus | null;
}): OnboardingState {
  if (verified) return "verified";
  // A renewal under way (submitted, in review, waiting for the investor, or refused) says where it stands, even
  // though the registry still holds the expired registration.
  switch (kycStatus) {
    case "submitted":
    case "in_review":
      return "in_review";
    case "needs_information":
      return "needs_information";
    case "rejected":
      return "rejected";
  }
  if (registered || kycStatus === "expired") return "expired";
  return kycStatus === "approved" ? "registering" : "not_started";
}

/** The four steps of the journey and how far this state has come (index of the current step). */
export const ONBOARDING_STEPS = ["apply", "review", "register", "invest"] as const;

export function currentStep(state: OnboardingState): number {
  switch (state) {
    case "not_started":
    case "rejected":
    case "needs_information":
    case "expired":
      return 0;
    case "in_review":
      return 1;
    case "registering":
      return 2;
    case "verified":
      return 3;
  }
}
