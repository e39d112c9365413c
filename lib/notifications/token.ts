/**
 * The unsubscribe link's token: an HMAC-SHA256 of the recipient key under the session secret, so the link works
 * without signing in and cannot be made for someone else. Plain module.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { isRecipient, type Recipient } from "./kinds";

const PURPOSE = "atelier.unsubscribe.v1";

function mac(recipient: string, secret: string): string {
  return createHmac("sha256", secret).update(`${PURPOSE}|${recipient}`).digest("base64url");
}

export function unsubscribeToken(recipient: Recipient, secret: string): string {
  return `${Buffer.from(recipient).toString("base64url")}.${mac(recipient, secret)}`;
}

/** The recipient a token was made for, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(token: string, secret: string): Recipient | null {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return null;
  const recipient = Buffer.from(encoded, "base64url").toString("utf8");
  if (!isRecipient(recipient)) return null;
  const expected = Buffer.from(mac(recipient, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? recipient : null;
}

export function unsubscribeUrl(appOrigin: string, recipient: Recipient, secret: string): string {
  return `${appOrigin}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(recipient, secret))}`;
}
