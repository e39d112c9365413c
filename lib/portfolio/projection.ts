/**
 * Holdings' part of the indexer (registered in `lib/indexer/projections.ts`): share transfers and primary purchases,
 * read straight from `chain_events` by the portfolio's history and the issuer's sales (no table of their own).
 * Plain module.
 */
import { getAbiItem } from "viem";
import { artworkShareTokenAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import { defineProjection } from "@/lib/indexer/projection";

export const holdingsRecordsProjection = defineProjection({
  name: "holdings-records",
  version: 1,
  events: [
    { abi: getAbiItem({ abi: artworkShareTokenAbi, name: "Transfer" }), from: "token", token: "emitter" },
    { abi: getAbiItem({ abi: primaryOfferingAbi, name: "SharesPurchased" }), from: "primaryOffering" },
  ],
  apply: async () => {},
  rollback: async () => {},
});
