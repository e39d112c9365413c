/**
 * The ABIs and calldata encoders of an agent action's call, loaded when the officer signs (./load-agent-chain): none
 * of it is in the register's or an investor's page first load.
 */
import { batchTransferCalldata } from "@/lib/compliance/client";
import type { TransferPreviewRowDto } from "./batch-transfer-actions";

export { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
export { encodeFunctionData } from "viem";

/** The token's batchForcedTransfer calldata for the previewed rows (what the desk's proposal carries). */
export const calldataOf = (rows: readonly TransferPreviewRowDto[]) =>
  batchTransferCalldata(rows.map((r) => ({ from: r.from, to: r.to, amount: BigInt(r.amount) })));
