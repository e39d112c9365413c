/**
 * Session tokens: HS256 JWTs in the `atelier_session` cookie (stateless; sign-out revokes the jti, "sign out
 * everywhere" every earlier token of the wallet). 8 hours at most, and refused after 30 minutes without a request.
 * Plain module (the secret is a parameter): tests and scripts can mint a token; the app uses `session.ts`.
 */
import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export const SESSION_COOKIE_NAME = "atelier_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;
/** A session with no request for this long is refused (activity refreshes it, up to the 8-hour lifetime). */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** A request refreshes the activity time once it is older than this (proxy.ts re-issues the cookie). */
export const ACTIVITY_REFRESH_SECONDS = 5 * 60;
const ISSUER = "atelier";

export type SessionClaims = {
  /** Lowercase wallet address. */
  address: string;
  jti: string;
  issuedAt: Date;
  expiresAt: Date;
  /** The last request that refreshed the session (`act` claim; the issue time before any refresh). */
  activeAt: Date;
};

function keyFrom(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
  return new TextEncoder().encode(secret);
}

export async function createSessionToken({
  address,
  secret,
  now = new Date(),
  ttlSeconds = SESSION_TTL_SECONDS,
}: {
  address: string;
  secret: string;
  now?: Date;
  ttlSeconds?: number;
}): Promise<{ token: string } & SessionClaims> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error("createSessionToken: address must be a 0x address");
  const jti = randomUUID();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const lower = address.toLowerCase();
  const token = await signToken({ address: lower, jti, iat, exp, act: iat, secret });
  return {
    token,
    address: lower,
    jti,
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
    activeAt: new Date(iat * 1000),
  };
}

function signToken({
  address,
  jti,
  iat,
  exp,
  act,
  secret,
}: {
  address: string;
  jti: string;
  iat: number;
  exp: number;
  act: number;
  secret: string;
}): Promise<string> {
  return new SignJWT({ act })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(address)
    .setJti(jti)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyFrom(secret));
}

/** The same session (address, jti, issue and expiry) with its activity time moved to `now`. */
export function refreshSessionToken({
  claims,
  secret,
  now = new Date(),
}: {
  claims: SessionClaims;
  secret: string;
  now?: Date;
}): Promise<string> {
  return signToken({
    address: claims.address,
    jti: claims.jti,
    iat: Math.floor(claims.issuedAt.getTime() / 1000),
    exp: Math.floor(claims.expiresAt.getTime() / 1000),
    act: Math.floor(now.getTime() / 1000),
    secret,
  });
}

/** The claims of a valid token, or null (bad signature, expired, idle too long, malformed, wrong algorithm). */
export async function verifySessionToken({
  token,
  secret,
  now = new Date(),
}: {
  token: string;
  secret: string;
  now?: Date;
}): Promise<SessionClaims | null> {
  if (!token || token.length > 2048) return null;
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      currentDate: now,
      requiredClaims: ["sub", "jti", "iat", "exp"],
    });
    if (typeof payload.sub !== "string" || !/^0x[0-9a-f]{40}$/.test(payload.sub) || typeof payload.jti !== "string") {
      return null;
    }
    const iat = payload.iat ?? 0;
    const act = typeof payload.act === "number" && Number.isSafeInteger(payload.act) ? payload.act : iat;
    if (act < iat || act * 1000 > now.getTime() + 60_000) return null;
    if (now.getTime() - act * 1000 > IDLE_TIMEOUT_SECONDS * 1000) return null;
    return {
      address: payload.sub,
      jti: payload.jti,
      issuedAt: new Date(iat * 1000),
      expiresAt: new Date((payload.exp ?? 0) * 1000),
      activeAt: new Date(act * 1000),
    };
  } catch {
    return null;
  }
}

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
};

export function getSessionCookieOptions({
  appOrigin,
  expiresAt,
}: {
  appOrigin: string;
  expiresAt: Date;
}): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: appOrigin.startsWith("https:"),
    path: "/",
    expires: expiresAt,
  };
}
