/**
 * Build the EIP-4361 message the wallet signs. Usable in the browser: the sign-in button calls it with the
 * nonce from the server, so client and server agree on domain, URI and lifetime.
 */
import { type Address, getAddress } from "viem";
import { createSiweMessage } from "viem/siwe";

export const SIGN_IN_STATEMENT = "Sign in to Atelier. This does not send a transaction or cost anything.";
/** How long a signed message stays valid (the nonce lives longer: 10 minutes). */
export const SIGN_IN_MESSAGE_TTL_MS = 5 * 60 * 1000;

export function buildSignInMessage({
  address,
  chainId,
  nonce,
  origin,
  now = new Date(),
  statement = SIGN_IN_STATEMENT,
}: {
  address: Address | string;
  chainId: number;
  nonce: string;
  /** The portal's origin, e.g. window.location.origin. */
  origin: string;
  now?: Date;
  statement?: string;
}): string {
  const url = new URL(origin);
  return createSiweMessage({
    address: getAddress(address),
    chainId,
    domain: url.host,
    uri: url.origin,
    scheme: url.protocol.replace(/:$/, ""),
    nonce,
    version: "1",
    statement,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + SIGN_IN_MESSAGE_TTL_MS),
  });
}
