/**
 * The distributor's claim reason codes (`Distributor.CLAIM_*`, returned by `claimCode` and carried by
 * `ClaimRefused(id, holder, code)`) as the portal's reason keys (`portfolio.distributions.reasons.<key>`), and
 * what each means for the money: still reserved for the wallet, or no longer payable. Pure module (client and server).
 */
import { refusalCode } from "@/lib/chain/error-names";

export const CLAIM_OK = 0;

export const CLAIM_REASONS = {
  48: "closed",
  49: "held",
  50: "windowEnded",
  51: "alreadyClaimed",
  52: "notEntitled",
  53: "notHolder",
  54: "frozen",
  55: "notVerified",
  56: "platformStopped",
  57: "walletRecovered",
} as const;

export type ClaimReason = (typeof CLAIM_REASONS)[keyof typeof CLAIM_REASONS] | "unknown";

/** Reasons that only wait: the money stays reserved for the wallet until it may claim. */
const RESERVED = new Set<ClaimReason>(["held", "frozen", "notVerified", "platformStopped"]);

export type ClaimState =
  | { state: "claimable" }
  | { state: "claimed" }
  | { state: "waiting"; reason: ClaimReason }
  | { state: "lapsed"; reason: ClaimReason };

/** What a `claimCode` answer means for one entitlement. */
export function claimState(code: number): ClaimState {
  if (code === CLAIM_OK) return { state: "claimable" };
  const reason: ClaimReason = CLAIM_REASONS[code as keyof typeof CLAIM_REASONS] ?? "unknown";
  if (reason === "alreadyClaimed") return { state: "claimed" };
  return RESERVED.has(reason) ? { state: "waiting", reason } : { state: "lapsed", reason };
}

/** The reason code of a `ClaimRefused` revert (from a simulation or a receipt), or null when it is not one. */
export const claimRefusedCode = (error: unknown): number | null => refusalCode(error, ["ClaimRefused"], 2);
