import "server-only";

import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { type Address, getAddress, type Hex, isAddress, isErc6492Signature, isHex, recoverMessageAddress } from "viem";
import { generateSiweNonce, parseSiweMessage } from "viem/siwe";
import type { Database } from "@/lib/db/connect";
import { siweNonces } from "@/lib/db/schema";
import { SignInError } from "./errors";

export const NONCE_TTL_MS = 10 * 60 * 1000;
/** Tolerated clock difference between the wallet's device and the server. */
const CLOCK_SKEW_MS = 60 * 1000;

/** Issue a single-use nonce (10 minutes). Optionally bound to the wallet that asked for it. */
export async function createNonce(
  db: Database,
  { address, now = new Date() }: { address?: string | undefined; now?: Date } = {},
): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = generateSiweNonce();
  const expiresAt = new Date(now.getTime() + NONCE_TTL_MS);
  await db.insert(siweNonces).values({
    nonce,
    address: address && isAddress(address) ? address.toLowerCase() : null,
    createdAt: now,
    expiresAt,
  });
  return { nonce, expiresAt };
}

export type VerifySignInOptions = {
  /** The portal's origin (APP_ORIGIN), e.g. "https://atelier.example". */
  expectedOrigin: string;
  expectedChainId: number;
  now?: Date;
  /**
   * Optional fallback for smart-contract wallets (ERC-1271 / ERC-6492) when local recovery does not match,
   * e.g. `(args) => publicClient.verifyMessage(args)`. Plain wallets never need the chain. Used only after
   * the nonce has been found usable, and only for a contract account (`isContractAccount`) or an
   * ERC-6492-wrapped signature (a wallet not deployed yet).
   */
  verifyContractSignature?: (args: { address: Address; message: string; signature: Hex }) => Promise<boolean>;
  /** Whether the address holds code, e.g. `(address) => publicClient.getCode({ address })` is not empty. */
  isContractAccount?: (address: Address) => Promise<boolean>;
};

/** RFC 3339 date-time, as EIP-4361 requires for Issued At, Expiration Time and Not Before. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE_FIELDS = ["Issued At", "Expiration Time", "Not Before"] as const;

/**
 * Each date field present in the message is a real RFC 3339 date. `parseSiweMessage` turns anything into a
 * `Date`, and an invalid one compares false with everything, so it would never expire.
 */
function assertValidDates(message: string, parsed: Array<Date | undefined>): void {
  for (const label of DATE_FIELDS) {
    const lines = message.split("\n").filter((l) => l.startsWith(`${label}: `));
    if (lines.length > 1) throw new SignInError("malformed", `${label} repeated`);
    const raw = lines[0]?.slice(label.length + 2);
    if (raw !== undefined && (!RFC3339.test(raw) || Number.isNaN(new Date(raw).getTime())))
      throw new SignInError("malformed", `${label} is not a date`);
  }
  for (const date of parsed)
    if (date !== undefined && Number.isNaN(date.getTime())) throw new SignInError("malformed", "invalid date");
}

/**
 * Verify a signed EIP-4361 message and consume its nonce. Returns the signer's address (lowercase).
 * Throws `SignInError` with a code saying what was wrong.
 */
export async function verifySignIn(
  db: Database,
  { message, signature }: { message: string; signature: string },
  {
    expectedOrigin,
    expectedChainId,
    now = new Date(),
    verifyContractSignature,
    isContractAccount,
  }: VerifySignInOptions,
): Promise<{ address: Address; expiresAt: Date | undefined }> {
  if (typeof message !== "string" || message.length > 4096 || typeof signature !== "string" || !isHex(signature)) {
    throw new SignInError("malformed");
  }
  const fields = parseSiweMessage(message);
  const { address, domain, uri, chainId, nonce, version, issuedAt, expirationTime, notBefore, scheme } = fields;
  if (!address || !isAddress(address, { strict: false }) || !domain || !uri || !chainId || !nonce || version !== "1") {
    throw new SignInError("malformed", "missing or invalid fields");
  }

  const origin = new URL(expectedOrigin);
  if (domain !== origin.host) throw new SignInError("domain_mismatch", `domain ${domain}`);
  if (scheme !== undefined && `${scheme}:` !== origin.protocol)
    throw new SignInError("domain_mismatch", `scheme ${scheme}`);
  let uriOrigin: string;
  try {
    uriOrigin = new URL(uri).origin;
  } catch {
    throw new SignInError("malformed", "uri");
  }
  if (uriOrigin !== origin.origin) throw new SignInError("uri_mismatch", `uri ${uri}`);
  if (chainId !== expectedChainId) throw new SignInError("chain_mismatch", `chain ${chainId}`);

  assertValidDates(message, [issuedAt, expirationTime, notBefore]);
  const t = now.getTime();
  if (expirationTime && expirationTime.getTime() <= t) throw new SignInError("expired");
  if (issuedAt && issuedAt.getTime() > t + CLOCK_SKEW_MS)
    throw new SignInError("not_yet_valid", "issued in the future");
  if (issuedAt && issuedAt.getTime() < t - NONCE_TTL_MS - CLOCK_SKEW_MS)
    throw new SignInError("expired", "issued too long ago");
  if (notBefore && notBefore.getTime() > t + CLOCK_SKEW_MS) throw new SignInError("not_yet_valid");

  // The nonce must be usable before any work on the signature, above all before the chain is asked
  // (an ERC-1271 eth_call with the caller's calldata). Only read here: it is consumed after the signature
  // is checked, so a forged request cannot burn someone else's nonce.
  const signer = getAddress(address);
  const lower = signer.toLowerCase();
  await assertNonceUsable(db, { nonce, address: lower, now });

  let recovered: Address | null = null;
  try {
    recovered = await recoverMessageAddress({ message, signature: signature as Hex });
  } catch {
    recovered = null;
  }
  if (recovered !== signer) {
    // ERC-6492 wraps the signature of a wallet not deployed yet; otherwise only a deployed contract
    // account can have signed without a recoverable key.
    const mayBeContract =
      isErc6492Signature(signature as Hex) ||
      (isContractAccount ? await isContractAccount(signer).catch(() => false) : false);
    const contractOk =
      verifyContractSignature && mayBeContract
        ? await verifyContractSignature({
            address: signer,
            message,
            signature: signature as Hex,
          }).catch(() => false)
        : false;
    if (!contractOk) throw new SignInError("bad_signature");
  }

  // Consume the nonce atomically: only one request can flip used_at.
  const consumed = await db
    .update(siweNonces)
    .set({ usedAt: now, address: lower })
    .where(
      and(
        eq(siweNonces.nonce, nonce),
        isNull(siweNonces.usedAt),
        gt(siweNonces.expiresAt, now),
        or(isNull(siweNonces.address), eq(siweNonces.address, lower)),
      ),
    )
    .returning({ nonce: siweNonces.nonce });
  if (consumed.length === 0) {
    await assertNonceUsable(db, { nonce, address: lower, now });
    throw new SignInError("nonce_used");
  }

  return { address: lower as Address, expiresAt: expirationTime };
}

/** Throws the matching `SignInError` unless the nonce exists, is unused, unexpired and open to this wallet. */
async function assertNonceUsable(
  db: Database,
  { nonce, address, now }: { nonce: string; address: string; now: Date },
): Promise<void> {
  const [row] = await db.select().from(siweNonces).where(eq(siweNonces.nonce, nonce)).limit(1);
  if (!row) throw new SignInError("nonce_invalid");
  if (row.usedAt) throw new SignInError("nonce_used");
  if (row.expiresAt.getTime() <= now.getTime()) throw new SignInError("nonce_expired");
  if (row.address && row.address !== address) throw new SignInError("nonce_invalid", "issued to another wallet");
}

/** Housekeeping: remove nonces that can no longer be used. */
export async function deleteExpiredNonces(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const removed = await db
    .delete(siweNonces)
    .where(lt(siweNonces.expiresAt, now))
    .returning({ nonce: siweNonces.nonce });
  return removed.length;
}
