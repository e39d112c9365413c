import "server-only";

import { decodeFunctionData, type Hex } from "viem";
import { writeAudit } from "@/lib/audit";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";

/**
 * The platform admin's emergency stop (issue 13 item 3). The admin's own wallet signs
 * `IdentityRegistry.stopPlatform()` / `resumePlatform()`; the server then verifies the transaction (success, sent by
 * this admin, that call on the registry, the registry's flag now in that state) and writes the audit entry with the
 * admin's reason. The chain enforces the stop; this module only records who did it and why.
 */
export type PlatformStopError = "tx_failed" | "tx_wrong_sender" | "tx_not_stop" | "state_mismatch";
export type PlatformStopResult = { ok: true } | { ok: false; code: PlatformStopError };

const lower = (a: string) => a.toLowerCase();

export async function recordPlatformStop(
  db: Database,
  { stop, reason, txHash, admin }: { stop: boolean; reason: string; txHash: Hex; admin: string },
): Promise<PlatformStopResult> {
  const client = getPublicClient();
  const registry = getDeployments().identityRegistry;
  let receipt;
  let tx;
  try {
    // Ask the node for the transaction first: a hash it does not know is refused at once, not after 30 s of waiting.
    tx = await client.getTransaction({ hash: txHash });
    receipt = await client.waitForTransactionReceipt({ hash: txHash, timeout: 30_000 });
  } catch {
    return { ok: false, code: "tx_failed" };
  }
  if (receipt.status !== "success") return { ok: false, code: "tx_failed" };
  if (lower(receipt.from) !== lower(admin)) return { ok: false, code: "tx_wrong_sender" };
  if (!receipt.to || lower(receipt.to) !== lower(registry)) return { ok: false, code: "tx_not_stop" };
  let name: string;
  try {
    name = decodeFunctionData({ abi: identityRegistryAbi, data: tx.input }).functionName;
  } catch {
    return { ok: false, code: "tx_not_stop" };
  }
  if (name !== (stop ? "stopPlatform" : "resumePlatform")) return { ok: false, code: "tx_not_stop" };
  const stopped = await client.readContract({
    address: registry,
    abi: identityRegistryAbi,
    functionName: "platformStopped",
    blockNumber: receipt.blockNumber,
  });
  if (stopped !== stop) return { ok: false, code: "state_mismatch" };
  await writeAudit(db, {
    actor: lower(admin),
    actorRole: "admin",
    action: stop ? "platform.stop" : "platform.resume",
    subjectType: "platform",
    subjectId: lower(registry),
    before: { stopped: !stop },
    after: { stopped: stop, reason },
    txHash: lower(txHash),
  });
  return { ok: true };
}
