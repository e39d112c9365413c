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

  it("an expired registration being renewed shows the renewal's state, not 'start a new application'", () => {
    expect(onboardingState({ verified: false, registered: true, kycStatus: "submitted" })).toBe("in_review");
    expect(onboardingState({ verified: false, registered: true, kycStatus: "in_review" })).toBe("in_review");
    expect(onboardingState({ verified: false, registered: true, kycStatus: "needs_information" })).toBe(
      "needs_information",
    );
    expect(onboardingState({ verified: false, registered: true, kycStatus: "draft" })).toBe("expired");
    expect(onboardingState({ verified: false, registered: true, kycStatus: "expired" })).toBe("expired");
  });
});
