import "server-only";

/**
 * The on-chain side of an approval. The officer signs from their own wallet; the server only plans the call and,
 * afterwards, verifies the receipt and the registry's state before the application becomes approved.
 */
import { randomBytes } from "node:crypto";
import { type Address, getAddress, type Hex, zeroHash } from "viem";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { CODE_BY_CATEGORY } from "@/lib/auth/roles";
import type { Investor, KycApplication } from "@/lib/db/schema";
import { alpha2ToNumeric } from "@/lib/i18n/countries";
import { approvalExpiry } from "./state";

export type RegistrationPlan = {
  registry: Address;
  wallet: Address;
  investorId: Hex;
  country: number;
  categoryCode: number;
  expiry: string; // unix seconds as decimal string (serialisable to the client)
  /** registerInvestor for a new wallet, updateInvestor to renew an existing registration of the same investor. */
  functionName: "registerInvestor" | "updateInvestor";
  /** The registry already holds exactly this registration: nothing to sign, only to confirm. */
  alreadyRegistered: boolean;
};

export type PlanError = "missing_details" | "wallet_registered_elsewhere";

export const newOnChainId = (): Hex => `0x${randomBytes(32).toString("hex")}`;

export async function readIdentity(wallet: Address) {
  const [investorId, country, categoryCode, expiry] = await getPublicClient().readContract({
    address: getDeployments().identityRegistry,
    abi: identityRegistryAbi,
    functionName: "identityOf",
    args: [wallet],
  });
  return { investorId, country: Number(country), categoryCode: Number(categoryCode), expiry: BigInt(expiry) };
}

export async function planRegistration({
  app,
  investor,
  onChainId,
  now = new Date(),
}: {
  app: KycApplication;
  investor: Investor;
  onChainId: Hex;
  now?: Date;
}): Promise<{ ok: true; plan: RegistrationPlan } | { ok: false; code: PlanError }> {
  const residence = app.data.residence?.residence ?? investor.residence;
  const category = app.data.category?.category ?? investor.category;
  const country = residence ? alpha2ToNumeric(residence) : undefined;
  if (!country || !category) return { ok: false, code: "missing_details" };
  const wallet = getAddress(app.wallet);
  const current = await readIdentity(wallet);
  const categoryCode = CODE_BY_CATEGORY[category];
  const nowSec = BigInt(Math.floor(now.getTime() / 1000));
  if (current.investorId !== zeroHash && current.investorId.toLowerCase() !== onChainId.toLowerCase()) {
    return { ok: false, code: "wallet_registered_elsewhere" };
  }
  const alreadyRegistered =
    current.investorId !== zeroHash &&
    current.country === country &&
    current.categoryCode === categoryCode &&
    current.expiry > nowSec;
  return {
    ok: true,
    plan: {
      registry: getDeployments().identityRegistry,
      wallet,
      investorId: onChainId,
      country,
      categoryCode,
      expiry: alreadyRegistered ? current.expiry.toString() : String(Math.floor(approvalExpiry(now).getTime() / 1000)),
      functionName: current.investorId === zeroHash ? "registerInvestor" : "updateInvestor",
      alreadyRegistered,
    },
  };
}

export type VerifyError = "tx_failed" | "tx_not_registry" | "tx_not_found" | "tx_wrong_sender" | "not_registered";

/**
 * Verifies the registration: the transaction (if given) succeeded and called the registry, and the registry now
 * holds this investor id, country and category for the wallet with a future expiry. Returns the on-chain expiry.
 */
export async function verifyRegistration({
  plan,
  txHash,
  officer,
  now = new Date(),
}: {
  plan: Pick<RegistrationPlan, "wallet" | "investorId" | "country" | "categoryCode">;
  txHash?: Hex | null;
  /** The officer whose approval this is: a transaction must be theirs. */
  officer: string;
  now?: Date;
}): Promise<{ ok: true; expiresAt: Date } | { ok: false; code: VerifyError }> {
  const client = getPublicClient();
  if (txHash) {
    try {
      const receipt = await client.waitForTransactionReceipt({ hash: txHash, timeout: 30_000 });
      if (receipt.status !== "success") return { ok: false, code: "tx_failed" };
      if (receipt.to?.toLowerCase() !== getDeployments().identityRegistry.toLowerCase())
        return { ok: false, code: "tx_not_registry" };
      if (receipt.from.toLowerCase() !== officer.toLowerCase()) return { ok: false, code: "tx_wrong_sender" };
    } catch {
      return { ok: false, code: "tx_not_found" };
    }
  }
  const current = await readIdentity(getAddress(plan.wallet));
  const nowSec = BigInt(Math.floor(now.getTime() / 1000));
  if (
    current.investorId.toLowerCase() !== plan.investorId.toLowerCase() ||
    current.country !== plan.country ||
    current.categoryCode !== plan.categoryCode ||
    current.expiry <= nowSec
  ) {
    return { ok: false, code: "not_registered" };
  }
  return { ok: true, expiresAt: new Date(Number(current.expiry) * 1000) };
}
