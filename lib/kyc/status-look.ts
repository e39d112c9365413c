import type { BadgeLook } from "@/lib/format/badge-look";
import type { KycStatus } from "./types";

/**
 * How each KYC status looks as a badge, on every page that shows one (the investor's account, the KYC queue, the
 * compliance console). Expired blocks trading like a refusal, and its clock says why: time ran out.
 */
export const kycLooks: Record<KycStatus, BadgeLook> = {
  draft: { tone: "neutral", icon: "dot" },
  submitted: { tone: "accent", icon: "clock" },
  in_review: { tone: "accent", icon: "info" },
  needs_information: { tone: "warn", icon: "warn" },
  approved: { tone: "success", icon: "check" },
  rejected: { tone: "danger", icon: "error" },
  expired: { tone: "danger", icon: "clock" },
};
