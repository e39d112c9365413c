import { findErrorByName } from "@/lib/chain/error-names";

/** EIP-1193's "user rejected the request" (viem's UserRejectedRequestError.code, without bundling the class). */
const USER_REJECTED_CODE = 4001;

/** True when the user closed or refused the wallet request (EIP-1193 code 4001). */
export function isUserRejection(error: unknown): boolean {
  // By name along the cause chain (viem's error or a copy of it), else by the provider's EIP-1193 code.
  if (findErrorByName(error, "UserRejectedRequestError")) return true;
  return (error as { code?: unknown } | null)?.code === USER_REJECTED_CODE;
}
