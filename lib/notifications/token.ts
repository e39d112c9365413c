/**
 * The unsubscribe link's token: an HMAC-SHA256 of the recipient key, so the link works without signing in and cannot
 * be made for someone else. Its key is its own: derived with HKDF-SHA256 from UNSUBSCRIBE_SECRET under this
 * purpose's label, never the session secret — rotating SESSION_SECRET (which signs everyone out) leaves every
 * email's unsubscribe link working, and rotating UNSUBSCRIBE_SECRET voids them all (README, configuration).
 * Plain module.
 */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getServerEnv } from "@/lib/env";
import { isRecipient, type Recipient } from "./kinds";

const PURPOSE = "atelier.unsubscribe.v1";

/** The configured secret (UNSUBSCRIBE_SECRET, generated into DATA_DIR/secrets.json locally). */
export function configuredUnsubscribeSecret(): string {
  return getServerEnv().unsubscribeSecret;
}

const keys = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", PURPOSE, 32));
    keys.set(secret, key);
  }
  return key;
}

function mac(recipient: string, secret: string): string {
  return createHmac("sha256", keyOf(secret)).update(recipient).digest("base64url");
}

export function unsubscribeToken(recipient: Recipient, secret = configuredUnsubscribeSecret()): string {
  return `${Buffer.from(recipient).toString("base64url")}.${mac(recipient, secret)}`;
}

/**
 * Links in emails sent before the unsubscribe key had a secret of its own: an HMAC of "purpose|recipient" keyed by
 * SESSION_SECRET. Still honoured, so no email already delivered loses its way out; they stop working when the session
 * secret is rotated, as they always did.
 */
function legacyMac(recipient: string, sessionSecret: string): string {
  return createHmac("sha256", sessionSecret).update(`${PURPOSE}|${recipient}`).digest("base64url");
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The recipient a token was made for, or null when it is malformed or its signature does not match. With no `secret`
 * given, the configured key is checked, then the legacy scheme under the current session secret.
 */
export function verifyUnsubscribeToken(token: string, secret?: string): Recipient | null {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return null;
  const recipient = Buffer.from(encoded, "base64url").toString("utf8");
  if (!isRecipient(recipient)) return null;
  if (secret !== undefined) return same(mac(recipient, secret), signature) ? recipient : null;
  if (same(mac(recipient, configuredUnsubscribeSecret()), signature)) return recipient;
  return same(legacyMac(recipient, getServerEnv().sessionSecret), signature) ? recipient : null;
}

export function unsubscribeUrl(appOrigin: string, recipient: Recipient, secret: string): string {
  return `${appOrigin}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(recipient, secret))}`;
}
