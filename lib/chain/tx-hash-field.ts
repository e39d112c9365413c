/**
 * The zod field of a server action that records or settles a wallet transaction: a 32-byte hash, lowercased (the
 * audit log and the chain lookups store and compare it lowercase).
 */
import { z } from "zod";
import type { Hex } from "viem";

export const txHashField = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((h) => h.toLowerCase() as Hex);
