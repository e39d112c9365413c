/**
 * wagmi's transaction actions (simulate, sign, send, wait for the receipt), loaded when a flow first sends a
 * transaction: viem's transaction-building code is no part of a wallet page's first load.
 */
export {
  getBlock,
  getTransactionReceipt,
  signTypedData,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "wagmi/actions";
// Splitting a signature pulls in the secp256k1 curve: only the purchase's permit needs it.
export { parseSignature } from "viem";

export type TxActions = typeof import("./wallet-tx-actions");

/** The actions above, fetched once on first use. */
export const loadTxActions = (): Promise<TxActions> => import("./wallet-tx-actions");
