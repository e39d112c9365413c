import { BaseError, UserRejectedRequestError } from "viem";

/** True when the user closed or refused the wallet request (EIP-1193 code 4001). */
export function isUserRejection(error: unknown): boolean {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return true;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 4001 || code === UserRejectedRequestError.code) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "UserRejectedRequestError";
}
