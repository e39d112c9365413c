/**
 * Session tokens: HS256 JWTs in the `atelier_session` cookie (stateless; sign-out revokes the jti).
 * Plain module (the secret is a parameter): tests and scripts can mint a token; the app uses `session.ts`.
 */
import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export const SESSION_COOKIE_NAME = "atelier_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;
const ISSUER = "atelier";

export type SessionClaims = {
  /** Lowercase wallet address. */
  address: string;
  jti: string;
  issuedAt: Date;
  expiresAt: Date;
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
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(lower)
    .setJti(jti)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyFrom(secret));
  return {
    token,
    address: lower,
    jti,
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
  };
}

/** The claims of a valid token, or null (bad signature, expired, malformed, wrong algorithm). */
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
    return {
      address: payload.sub,
      jti: payload.jti,
      issuedAt: new Date((payload.iat ?? 0) * 1000),
      expiresAt: new Date((payload.exp ?? 0) * 1000),
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
