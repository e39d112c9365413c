import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";
import type { Address } from "viem";
import { getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { getRequestIp } from "@/lib/http/request-ip";
import { enforceRateLimits } from "@/lib/rate-limit";
import { auditSessionEvent } from "./known-wallet";
import { isSessionRevoked, revokeAllSessions, revokeSession } from "./revocations";
import { createNonce, verifySignIn } from "./siwe";
import { createSessionToken, getSessionCookieOptions, SESSION_COOKIE_NAME, verifySessionToken } from "./tokens";

export type Session = { address: Address; expiresAt: Date; jti: string };

/** The signed-in wallet of this request, or null. Verified once per request. */
export const getSession = cache(async (): Promise<Session | null> => {
  const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value;
  if (!token) return null;
  const claims = await verifySessionToken({ token, secret: getServerEnv().sessionSecret });
  if (!claims) return null;
  if (await isSessionRevoked(await getDb(), claims)) return null;
  return { address: claims.address as Address, expiresAt: claims.expiresAt, jti: claims.jti };
});

/** Set the session cookie (server actions and route handlers only). */
export async function setSessionCookie({ token, expiresAt }: { token: string; expiresAt: Date }): Promise<void> {
  (await cookies()).set(
    SESSION_COOKIE_NAME,
    token,
    getSessionCookieOptions({ appOrigin: getServerEnv().appOrigin, expiresAt }),
  );
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: SESSION_COOKIE_NAME, path: "/" });
}

/** Start a sign-in: a fresh single-use nonce for the SIWE message. */
export async function createSignInNonce({ address }: { address?: string } = {}): Promise<{
  nonce: string;
  expiresAt: Date;
}> {
  const db = await getDb();
  // Per IP only: the address is not proven yet, and counting it would let anyone exhaust another wallet's nonces.
  await enforceRateLimits(db, { name: "nonce", subjects: { ip: await getRequestIp() } });
  return createNonce(db, { address });
}

/**
 * Finish a sign-in: verify the signed message (local recovery; contract wallets via the chain as fallback),
 * set the session cookie, audit it for a known wallet. Throws `SignInError`, or `RateLimitedError` past
 * the sign-in limit.
 */
export async function signIn({
  message,
  signature,
}: {
  message: string;
  signature: string;
}): Promise<{ address: Address; expiresAt: Date }> {
  const env = getServerEnv();
  const db = await getDb();
  const ip = await getRequestIp();
  // Every attempt counts per client IP, failed or not. The wallet is counted only once its signature is verified
  // (below): a wallet the message merely names could otherwise be locked out by anyone sending attempts in its name.
  await enforceRateLimits(db, { name: "signIn", subjects: { ip } });
  const { address } = await verifySignIn(
    db,
    { message, signature },
    {
      expectedOrigin: env.appOrigin,
      expectedChainId: env.chainId,
      verifyContractSignature: (args) => getPublicClient().verifyMessage(args),
      isContractAccount: async (address) => {
        const code = await getPublicClient().getCode({ address });
        return code !== undefined && code !== "0x";
      },
    },
  );
  await enforceRateLimits(db, { name: "signIn", subjects: { address } });
  const session = await createSessionToken({ address, secret: env.sessionSecret });
  await setSessionCookie(session);
  await auditSessionEvent(db, { address, action: "auth.sign_in", jti: session.jti, ip });
  return { address, expiresAt: session.expiresAt };
}

/** Sign out: revoke this session's token (a copied cookie stops working too) and clear the cookie. */
export async function signOut(): Promise<void> {
  await endSession({ everywhere: false });
}

/**
 * Sign out everywhere: every session of this wallet issued until now is refused, on every device and
 * instance (the other devices' cookies stop working at their next request), and this cookie is cleared.
 */
export async function signOutEverywhere(): Promise<void> {
  await endSession({ everywhere: true });
}

async function endSession({ everywhere }: { everywhere: boolean }): Promise<void> {
  const session = await getSession();
  if (session) {
    const db = await getDb();
    if (everywhere) await revokeAllSessions(db, { address: session.address });
    await revokeSession(db, { jti: session.jti, expiresAt: session.expiresAt });
    await auditSessionEvent(db, {
      address: session.address,
      action: everywhere ? "auth.sign_out_everywhere" : "auth.sign_out",
      jti: session.jti,
      ip: await getRequestIp(),
    });
  }
  await clearSessionCookie();
}
