import { describe, expect, it } from "vitest";
import { currentStep, onboardingState } from "./status";

describe("onboarding state", () => {
  it("puts the chain first, then the application", () => {
    expect(onboardingState({ verified: true, registered: true, kycStatus: "approved" })).toBe("verified");
    expect(onboardingState({ verified: false, registered: true, kycStatus: "approved" })).toBe("expired");
    expect(onboardingState({ verified: false, registered: false, kycStatus: "approved" })).toBe("registering");
    expect(onboardingState({ verified: false, registered: false, kycStatus: "submitted" })).toBe("in_review");
    expect(onboardingState({ verified: false, registered: false, kycStatus: "rejected" })).toBe("rejected");
    expect(onboardingState({ verified: false, registered: false, kycStatus: null })).toBe("not_started");
    expect(currentStep("in_review")).toBe(1);
  });
});
