import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { getServerEnv } from "@/lib/env";

/*
 * Read-your-writes for chain state. Server reads share the latest block number for a second (one
 * eth_blockNumber per second however many requests), so a page rendered right after a user's transaction
 * could still show the block before it. Once the server has seen a confirmed receipt, it records the
 * receipt's block as a floor: in this process (a global) and for this browser (a signed cookie, so
 * another web instance behind the load balancer honours it too). Reads below the floor fetch a fresh
 * block number instead of the shared one.
 */

export const SEEN_BLOCK_COOKIE = "atelier-block";
/** The floor only matters until the shared block number catches up: a minute is ample. */
const COOKIE_MAX_AGE_S = 60;

const globalForFreshness = globalThis as unknown as { __atelierSeenBlock?: bigint };

function sign(blockNumber: bigint): string {
  return createHmac("sha256", getServerEnv().sessionSecret).update(`atelier-block:${blockNumber}`).digest("base64url");
}

/** `<block>.<hmac>` → the block, or null when malformed or not signed by this platform. */
export function parseSeenBlockCookie(value: string | undefined): bigint | null {
  const m = /^(\d{1,20})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!m) return null;
  const blockNumber = BigInt(m[1]!);
  const expected = Buffer.from(sign(blockNumber));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? blockNumber : null;
}

export function formatSeenBlockCookie(blockNumber: bigint): string {
  return `${blockNumber}.${sign(blockNumber)}`;
}

/**
 * The lowest block a read in this request may use: the highest confirmed block this process has seen, or
 * that this browser's signed cookie names. Outside a request (scripts, the indexer) only the process floor.
 */
export async function getBlockFloor(): Promise<bigint> {
  const local = globalForFreshness.__atelierSeenBlock ?? 0n;
  let fromCookie: bigint | null = null;
  try {
    fromCookie = parseSeenBlockCookie((await cookies()).get(SEEN_BLOCK_COOKIE)?.value);
  } catch {
    // Not in a request scope.
  }
  return fromCookie !== null && fromCookie > local ? fromCookie : local;
}

/**
 * Records that the chain has reached `blockNumber` (a receipt the server itself read). Sets the browser's
 * cookie too when called from a server action or route handler; elsewhere the process floor suffices.
 */
export async function noteConfirmedBlock(blockNumber: bigint): Promise<void> {
  const local = globalForFreshness.__atelierSeenBlock ?? 0n;
  if (blockNumber > local) globalForFreshness.__atelierSeenBlock = blockNumber;
  try {
    const jar = await cookies();
    const current = parseSeenBlockCookie(jar.get(SEEN_BLOCK_COOKIE)?.value) ?? 0n;
    if (blockNumber <= current) return;
    jar.set(SEEN_BLOCK_COOKIE, formatSeenBlockCookie(blockNumber), {
      httpOnly: true,
      sameSite: "lax",
      secure: getServerEnv().appOrigin.startsWith("https:"),
      path: "/",
      maxAge: COOKIE_MAX_AGE_S,
    });
  } catch {
    // Cookies can only be set from a server action or a route handler; the process floor still holds.
  }
}
