import "server-only";

/**
 * Agent actions are signed by the officer's own wallet; the server never holds a key. After the transaction, the
 * server reads the receipt and the transaction itself, checks that it succeeded, was sent by the signed-in officer
 * to a factory token or the identity registry, and decodes which agent function it called with which arguments.
 * Only that decoded call is written to the audit log (the browser cannot make it say anything else).
 */
import { and, eq } from "drizzle-orm";
import { type Address, decodeEventLog, decodeFunctionData, erc20Abi, getAddress, type Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { type AllowedCall, callRefusal, verifyUserTx } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import { anyRowWhere } from "@/lib/db/rows";
import { auditLog } from "@/lib/db/schema";
import {
  agentAuditInput,
  type AgentTxRecord,
  decodeAgentCall,
  type DecodedAgentTx,
  DESK_TOKEN_CALLS,
  lockAgentTxAudit,
  REGISTRY_AGENT_FUNCTIONS,
  syncRegistryChange,
  TOKEN_AGENT_FUNCTIONS,
} from "./agent-audit";

export {
  AUDIT_ACTION,
  type AgentFunction,
  type DecodedAgentTx,
  REGISTRY_AGENT_FUNCTIONS,
  TOKEN_AGENT_FUNCTIONS,
} from "./agent-audit";
import { isShareToken } from "./share-token";

export type AgentTxError = "tx_not_found" | "tx_failed" | "tx_wrong_sender" | "tx_not_agent_call" | "already_recorded";

export async function decodeAgentTx({
  txHash,
  actor,
}: {
  txHash: Hex;
  actor: Address;
}): Promise<{ ok: true; tx: DecodedAgentTx } | { ok: false; code: AgentTxError }> {
  const client = getPublicClient();
  const d = getDeployments();
  // A wallet is linked through a link request the new wallet signed (lib/kyc/wallet-links), never as a bare console
  // action: a `linkWallet` posted back here is refused (the indexer's reconciliation still audits it as found on-chain).
  const registryFunctions = REGISTRY_AGENT_FUNCTIONS.filter((f) => f !== "linkWallet");
  const target = async (to: Address): Promise<AllowedCall | null> => {
    if (d.enforcementDesk && to === getAddress(d.enforcementDesk))
      return { address: to, abi: enforcementDeskAbi, functions: ["propose", "execute", "cancel"] };
    if (d.market && to === getAddress(d.market)) return { address: to, abi: marketAbi, functions: ["cancelRecovered"] };
    if (to === getAddress(d.identityRegistry))
      return { address: to, abi: identityRegistryAbi, functions: registryFunctions };
    const isToken = await isShareToken(client, to);
    return isToken ? { address: to, abi: artworkShareTokenAbi, functions: TOKEN_AGENT_FUNCTIONS } : null;
  };
  let verified;
  try {
    verified = await verifyUserTx({
      client,
      txHash,
      sender: actor,
      allowed: target,
      waitMs: 30_000,
      revertedFirst: true,
    });
  } catch {
    return { ok: false, code: "tx_not_found" };
  }
  if (!verified.ok) return { ok: false, code: callRefusal(verified.code, "tx_not_agent_call") };
  const { to, receipt, transaction } = verified.call;
  let decoded: DecodedAgentTx | null;
  if (d.enforcementDesk && to === getAddress(d.enforcementDesk))
    decoded = await decodeDeskTx({ desk: to, input: transaction.input, receipt, actor });
  else if (d.market && to === getAddress(d.market))
    decoded = await decodeMarketTx({ market: to, input: transaction.input, receipt });
  else {
    const contract = to === getAddress(d.identityRegistry) ? "registry" : "token";
    decoded = decodeAgentCall({
      contract,
      to,
      input: transaction.input,
      blockNumber: receipt.blockNumber,
      allowed: contract === "token" ? TOKEN_AGENT_FUNCTIONS : registryFunctions,
    });
  }
  return decoded ? { ok: true, tx: decoded } : { ok: false, code: "tx_not_agent_call" };
}

/**
 * A confirmed call to the enforcement desk (propose, execute or cancel), decoded into the token call its proposal
 * binds — only forced transfers, recoveries and burns of a factory token — with the step and the proposal.
 */
async function decodeDeskTx({
  desk,
  input,
  receipt,
  actor,
}: {
  desk: Address;
  input: Hex;
  receipt: { blockNumber: bigint; logs: readonly { address: Address; data: Hex; topics: readonly Hex[] }[] };
  actor: Address;
}): Promise<DecodedAgentTx | null> {
  const client = getPublicClient();
  let call: { functionName: string; args?: readonly unknown[] };
  try {
    call = decodeFunctionData({ abi: enforcementDeskAbi, data: input }) as typeof call;
  } catch {
    return null;
  }
  let step: "propose" | "execute" | "cancel";
  let proposalId: bigint;
  let token: Address;
  let data: Hex;
  let proposer: Address;
  if (call.functionName === "propose") {
    step = "propose";
    [token, data] = call.args as [Address, Hex];
    proposer = actor;
    const log = receipt.logs
      .filter((l) => getAddress(l.address) === desk)
      .map((l) => {
        try {
          return decodeEventLog({ abi: enforcementDeskAbi, data: l.data, topics: l.topics as [Hex, ...Hex[]] });
        } catch {
          return null;
        }
      })
      .find((e) => e?.eventName === "EnforcementProposed");
    if (!log || log.eventName !== "EnforcementProposed") return null;
    proposalId = log.args.id;
  } else if (call.functionName === "execute" || call.functionName === "cancel") {
    step = call.functionName;
    proposalId = (call.args as readonly unknown[])[0] as bigint;
    const [pToken, pProposer, , , pData] = await client.readContract({
      address: desk,
      abi: enforcementDeskAbi,
      functionName: "proposal",
      args: [proposalId],
      blockNumber: receipt.blockNumber,
    });
    [token, data, proposer] = [pToken, pData, pProposer];
  } else return null;
  const isToken = await isShareToken(client, token);
  if (!isToken) return null;
  const inner = decodeAgentCall({
    contract: "token",
    to: getAddress(token),
    input: data,
    blockNumber: receipt.blockNumber,
    allowed: DESK_TOKEN_CALLS,
  });
  if (!inner) return null;
  return { ...inner, desk: { address: desk, step, proposalId: proposalId.toString(), proposer: getAddress(proposer) } };
}

/** `Market.OrderCancelled`'s reason for an order whose maker wallet was recovered (IMarket FILL_WALLET_RECOVERED). */
const FILL_WALLET_RECOVERED = 40;

/**
 * A confirmed `Market.cancelRecovered` (after a wallet recovery, the lost wallet's open orders cancelled and their bid
 * escrow returned to the recovered wallet), decoded from what the chain did, not from what was asked: the orders its
 * receipt cancelled as recovered, their one maker (the lost wallet) and one factory token, the wallet the token
 * recovered it to, the investor, and the payment tokens the market sent to that wallet. A call that cancelled
 * nothing, or orders of several wallets or tokens (the console sends one lost wallet's), is not accepted.
 */
async function decodeMarketTx({
  market,
  input,
  receipt,
}: {
  market: Address;
  input: Hex;
  receipt: { blockNumber: bigint; logs: readonly { address: Address; data: Hex; topics: readonly Hex[] }[] };
}): Promise<DecodedAgentTx | null> {
  try {
    if (decodeFunctionData({ abi: marketAbi, data: input }).functionName !== "cancelRecovered") return null;
  } catch {
    return null;
  }
  const client = getPublicClient();
  const d = getDeployments();
  const marketEvent = (l: (typeof receipt.logs)[number]) => {
    try {
      return decodeEventLog({ abi: marketAbi, data: l.data, topics: l.topics as [Hex, ...Hex[]] });
    } catch {
      return null;
    }
  };
  const transfer = (l: (typeof receipt.logs)[number]) => {
    try {
      return decodeEventLog({
        abi: erc20Abi,
        eventName: "Transfer",
        data: l.data,
        topics: l.topics as [Hex, ...Hex[]],
      });
    } catch {
      return null;
    }
  };
  const ids: bigint[] = [];
  for (const l of receipt.logs) {
    if (getAddress(l.address) !== market) continue;
    const e = marketEvent(l);
    if (e?.eventName === "OrderCancelled" && e.args.reason === FILL_WALLET_RECOVERED) ids.push(e.args.orderId);
  }
  if (ids.length === 0) return null;
  const orders = await client.multicall({
    contracts: ids.map((id) => ({ address: market, abi: marketAbi, functionName: "order", args: [id] }) as const),
    allowFailure: false,
    blockNumber: receipt.blockNumber,
  });
  const maker = getAddress(orders[0]!.maker);
  const token = getAddress(orders[0]!.token);
  if (orders.some((o) => getAddress(o.maker) !== maker || getAddress(o.token) !== token)) return null;
  const isToken = await isShareToken(client, token);
  if (!isToken) return null;
  const newWallet = await client.readContract({
    address: token,
    abi: artworkShareTokenAbi,
    functionName: "recoveredTo",
    args: [maker],
    blockNumber: receipt.blockNumber,
  });
  const investorId = await client.readContract({
    address: d.identityRegistry,
    abi: identityRegistryAbi,
    functionName: "investorOf",
    args: [newWallet],
    blockNumber: receipt.blockNumber,
  });
  // The escrow returned: what the market paid the recovered wallet in this transaction.
  let escrow = 0n;
  for (const l of receipt.logs) {
    if (getAddress(l.address) !== getAddress(d.paymentToken)) continue;
    const e = transfer(l);
    if (
      e?.eventName === "Transfer" &&
      getAddress(e.args.from) === market &&
      getAddress(e.args.to) === getAddress(newWallet)
    )
      escrow += e.args.value;
  }
  return {
    contract: "market",
    to: market,
    functionName: "cancelRecovered",
    args: {
      orderIds: ids.map(String).join(","),
      lostWallet: maker.toLowerCase(),
      newWallet: newWallet.toLowerCase(),
      token: token.toLowerCase(),
      escrow: escrow.toString(),
      investorId: investorId.toLowerCase(),
    },
    blockNumber: receipt.blockNumber,
  };
}

/**
 * Writes the audit entry of a verified agent transaction (once per transaction). The indexer's reconciliation
 * (reconcile.ts) may write the entry of a transaction whose post-back never came: both take the transaction's
 * lock and look again under it, so only one of them writes.
 */
export async function recordAgentTx(
  db: Database,
  { tx, txHash, actor, reason, ip }: AgentTxRecord,
): Promise<{ ok: true; auditId: number } | { ok: false; code: "already_recorded" }> {
  const existing = await anyRowWhere(
    db,
    auditLog,
    and(eq(auditLog.txHash, txHash.toLowerCase()), eq(auditLog.actor, actor.toLowerCase())),
  );
  if (existing) return { ok: false, code: "already_recorded" };
  const entry = await agentAuditInput(db, { tx, txHash, actor, reason, ip });
  // The off-chain copy follows the registry in the same transaction as the audit entry.
  const row = await db.transaction(async (txn) => {
    const t = txn as unknown as Database;
    if ((await lockAgentTxAudit(t, { txHash, actor })).recorded) return null;
    if (tx.contract === "registry") await syncRegistryChange(t, tx.functionName, tx.args);
    return writeAudit(t, entry);
  });
  if (!row) return { ok: false, code: "already_recorded" };
  return { ok: true, auditId: row.id };
}

/**
 * The officer's post-back of a confirmed agent transaction: verified as the officer's own (sender = `actor`) and
 * decoded, then audited with the reason (once). Returns the audit entry and the transaction's block.
 */
export async function recordOfficerAgentTx(
  db: Database,
  { txHash, actor, reason, ip }: { txHash: Hex; actor: Address; reason: string; ip: string | null },
): Promise<{ ok: true; auditId: number; blockNumber: bigint } | { ok: false; code: AgentTxError }> {
  const decoded = await decodeAgentTx({ txHash, actor });
  if (!decoded.ok) return decoded;
  const recorded = await recordAgentTx(db, { tx: decoded.tx, txHash, actor, reason, ip });
  return recorded.ok ? { ...recorded, blockNumber: decoded.tx.blockNumber } : recorded;
}
