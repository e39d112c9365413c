import { applicationDecisionLooks, type BadgeLook, reviewStageLooks } from "@/lib/format/badge-look";
import type { KycStatus } from "./types";

/**
 * How each KYC status looks as a badge, on every page that shows one (the investor's account, the KYC queue, the
 * compliance console). Expired blocks trading like a refusal, and its clock says why: time ran out.
 */
export const kycLooks: Record<KycStatus, BadgeLook> = {
  ...reviewStageLooks,
  ...applicationDecisionLooks,
  in_review: { tone: "accent", icon: "info" },
  expired: { tone: "danger", icon: "clock" },
};
