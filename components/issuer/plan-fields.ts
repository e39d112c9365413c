/**
 * The zod fields the issuer's plan actions share (a distribution's, a sale's): a wallet or contract address, a whole
 * number in base units or blocks, and the record block ("now" or a block number).
 */
import type { Address } from "viem";
import { z } from "zod";

export const addressField = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .transform((a) => a as Address);
export const digitsField = z.string().regex(/^\d{1,30}$/);
export const recordBlockField = z.union([z.literal("now"), digitsField]);
