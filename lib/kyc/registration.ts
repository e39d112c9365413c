import "server-only";

/**
 * The on-chain side of an approval. The officer signs from their own wallet; the server only plans the call and,
 * afterwards, verifies the receipt and the registry's state before the application becomes approved.
 */
import { type Address, getAddress, type Hex, zeroAddress, zeroHash } from "viem";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { CATEGORY_BY_CODE, CODE_BY_CATEGORY } from "@/lib/auth";
import type { Investor, InvestorCategory, KycApplication } from "@/lib/db/schema";
import { alpha2ToNumeric } from "@/lib/i18n/countries";
import { verifyOfficerRegistryTx } from "./registry-calls";
import { approvalExpiry, RENEWAL_NOTICE_DAYS } from "./state";

/** What the identity registry holds for an investor: country (ISO numeric), category code, expiry (unix seconds). */
export type RegistryRecord = { country: number; categoryCode: number; expiry: string };

/**
 * How an approval reaches the registry. One officer: `registerInvestor` (new wallet) or `updateInvestor` (renewal).
 * Four eyes: the first officer proposes (`proposeRegistration` / `proposeUpdate`), the second `confirmProposal`s the
 * exact record — the registry itself refuses a single agent setting or leaving a professional category.
 */
export type RegistrationFunction =
  "registerInvestor" | "updateInvestor" | "proposeRegistration" | "proposeUpdate" | "confirmProposal";

export type RegistrationPlan = {
  registry: Address;
  wallet: Address;
  investorId: Hex;
  country: number;
  categoryCode: number;
  expiry: string; // unix seconds as decimal string (serialisable to the client)
  functionName: RegistrationFunction;
  /** For confirmProposal: the proposal registers a new wallet (true) or updates the investor (false). */
  registers: boolean;
  /** The registry already holds exactly this registration: nothing to sign, only to confirm. */
  alreadyRegistered: boolean;
  /** Four eyes, first officer: the registry already holds this officer's proposal of this record; nothing to sign. */
  alreadyProposed: boolean;
  /** Four eyes, first officer: another proposal is pending and is cancelled first (`cancelProposal`). */
  cancelPending: boolean;
  /** What the registry holds for this investor today (a renewal); null for a first registration. */
  current: RegistryRecord | null;
};

/** Which step of the approval the plan is for: one officer alone, the first of two, or the second of two. */
export type PlanMode = "single" | "propose" | "confirm";

export type PlanError = "missing_details" | "wallet_registered_elsewhere" | "no_proposal" | "proposal_mismatch";

export async function readIdentity(wallet: Address) {
  const [investorId, country, categoryCode, expiry] = await getPublicClient().readContract({
    address: getDeployments().identityRegistry,
    abi: identityRegistryAbi,
    functionName: "identityOf",
    args: [wallet],
  });
  return { investorId, country: Number(country), categoryCode: Number(categoryCode), expiry: BigInt(expiry) };
}

/** The pending four-eyes proposal for an investor id (proposer zero when none; wallet zero for an update). */
export async function readProposal(investorId: Hex) {
  const [proposer, wallet, country, categoryCode, expiry] = await getPublicClient().readContract({
    address: getDeployments().identityRegistry,
    abi: identityRegistryAbi,
    functionName: "proposalOf",
    args: [investorId],
  });
  return {
    proposer: proposer as Address,
    wallet: wallet as Address,
    country: Number(country),
    categoryCode: Number(categoryCode),
    expiry: BigInt(expiry),
  };
}

/**
 * What the registry holds for the application's wallet: the investor's record (category as a name) when the wallet
 * is registered to this investor, null otherwise. The four-eyes rule and the officer's difference read this.
 */
export async function readRegisteredRecord(
  wallet: string,
  onChainId: string | null,
  now: Date = new Date(),
): Promise<(RegistryRecord & { category: InvestorCategory | null; expired: boolean }) | null> {
  const current = await readIdentity(getAddress(wallet));
  if (current.investorId === zeroHash) return null;
  if (onChainId && current.investorId.toLowerCase() !== onChainId.toLowerCase()) return null;
  return {
    country: current.country,
    categoryCode: current.categoryCode,
    expiry: current.expiry.toString(),
    category: CATEGORY_BY_CODE[current.categoryCode] ?? null,
    expired: current.expiry <= BigInt(Math.floor(now.getTime() / 1000)),
  };
}

/** The latest expiry an approval made at `now` may put on the registry (its validity, and a day of slack), in seconds. */
function latestAllowedExpiry(now: Date, validityMonths: number): bigint {
  return BigInt(Math.floor(approvalExpiry(now, validityMonths).getTime() / 1000) + 86_400);
}

export async function planRegistration({
  app,
  investor,
  onChainId,
  mode = "single",
  officer,
  validityMonths,
  now = new Date(),
}: {
  app: KycApplication;
  investor: Investor;
  onChainId: Hex;
  mode?: PlanMode;
  /** The officer acting (four eyes: whose proposal this is, or who must not be its proposer). */
  officer?: string;
  /** The KYC validity period (platform setting) for an approval given now. */
  validityMonths: number;
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
  const exists = current.investorId !== zeroHash;
  // An interrupted approval left the registration on the registry: same record, valid for (about) the validity period. A renewal
  // is due from RENEWAL_NOTICE_DAYS before expiry, so a registration inside that window is the old one, to renew.
  const alreadyRegistered =
    exists &&
    current.country === country &&
    current.categoryCode === categoryCode &&
    current.expiry > nowSec + BigInt(RENEWAL_NOTICE_DAYS * 86_400);
  const latestExpiry = latestAllowedExpiry(now, validityMonths);
  let expiry = alreadyRegistered
    ? current.expiry.toString()
    : String(Math.floor(approvalExpiry(now, validityMonths).getTime() / 1000));
  let functionName: RegistrationFunction = exists ? "updateInvestor" : "registerInvestor";
  let alreadyProposed = false;
  let cancelPending = false;
  if (mode !== "single" && !alreadyRegistered) {
    const proposal = await readProposal(onChainId);
    const pending = proposal.proposer !== zeroAddress;
    // The proposal must be of this very record: this wallet (a registration) or none (an update), country, category.
    const sameRecord =
      pending &&
      proposal.wallet.toLowerCase() === (exists ? zeroAddress : wallet.toLowerCase()) &&
      proposal.country === country &&
      proposal.categoryCode === categoryCode;
    // The proposed expiry is one an approval today may set: not past, not later than the validity period from now.
    const saneExpiry = proposal.expiry > nowSec && proposal.expiry <= latestExpiry;
    if (mode === "propose") {
      functionName = exists ? "proposeUpdate" : "proposeRegistration";
      if (sameRecord && saneExpiry && officer && proposal.proposer.toLowerCase() === officer.toLowerCase()) {
        alreadyProposed = true;
        expiry = proposal.expiry.toString();
      } else if (pending) cancelPending = true;
    } else {
      if (!pending) return { ok: false, code: "no_proposal" };
      // The proposal confirmed is the pre-approving officer's own (not a stale one left by an earlier decision).
      const byPreApprover = !!app.preApprovedBy && proposal.proposer.toLowerCase() === app.preApprovedBy.toLowerCase();
      if (!sameRecord || !saneExpiry || !byPreApprover) return { ok: false, code: "proposal_mismatch" };
      functionName = "confirmProposal";
      expiry = proposal.expiry.toString();
    }
  }
  return {
    ok: true,
    plan: {
      registry: getDeployments().identityRegistry,
      wallet,
      investorId: onChainId,
      country,
      categoryCode,
      expiry,
      functionName,
      registers: !exists,
      alreadyRegistered,
      alreadyProposed,
      cancelPending,
      current: exists
        ? { country: current.country, categoryCode: current.categoryCode, expiry: current.expiry.toString() }
        : null,
    },
  };
}

export type VerifyError =
  "tx_failed" | "tx_not_registry" | "tx_not_found" | "tx_wrong_sender" | "not_registered" | "not_proposed";

/** The officer's own successful transaction to the registry (when a hash is given). */
async function checkReceipt(
  txHash: Hex | null | undefined,
  officer: string,
): Promise<{ ok: true } | { ok: false; code: VerifyError }> {
  if (!txHash) return { ok: true };
  const verified = await verifyOfficerRegistryTx(txHash, officer);
  if (!verified) return { ok: false, code: "tx_not_found" };
  if (verified.ok) return { ok: true };
  switch (verified.code) {
    case "tx_failed":
    case "tx_wrong_sender":
      return { ok: false, code: verified.code };
    case "tx_wrong_target":
    case "tx_wrong_call":
      return { ok: false, code: "tx_not_registry" };
    default:
      return { ok: false, code: "tx_not_found" };
  }
}

/**
 * Four eyes, first officer: verifies that the registry now holds this officer's proposal of exactly the planned
 * record (wallet for a registration, none for an update; country, category, expiry).
 */
export async function verifyProposal({
  plan,
  txHash,
  officer,
}: {
  plan: Pick<RegistrationPlan, "wallet" | "investorId" | "country" | "categoryCode" | "expiry" | "registers">;
  txHash?: Hex | null;
  officer: string;
}): Promise<{ ok: true } | { ok: false; code: VerifyError }> {
  const receipt = await checkReceipt(txHash, officer);
  if (!receipt.ok) return receipt;
  const p = await readProposal(plan.investorId);
  if (
    p.proposer.toLowerCase() !== officer.toLowerCase() ||
    p.wallet.toLowerCase() !== (plan.registers ? plan.wallet.toLowerCase() : zeroAddress) ||
    p.country !== plan.country ||
    p.categoryCode !== plan.categoryCode ||
    p.expiry.toString() !== plan.expiry
  ) {
    return { ok: false, code: "not_proposed" };
  }
  return { ok: true };
}

/**
 * Verifies the registration: the transaction (if given) succeeded and called the registry, and the registry now
 * holds this investor id, country and category for the wallet with a future expiry. Returns the on-chain expiry.
 */
export async function verifyRegistration({
  plan,
  txHash,
  officer,
  validityMonths,
  now = new Date(),
}: {
  plan: Pick<RegistrationPlan, "wallet" | "investorId" | "country" | "categoryCode">;
  txHash?: Hex | null;
  /** The officer whose approval this is: a transaction must be theirs. */
  officer: string;
  /** The KYC validity period (platform setting): the registry's expiry may not be later than it allows. */
  validityMonths: number;
  now?: Date;
}): Promise<{ ok: true; expiresAt: Date } | { ok: false; code: VerifyError }> {
  const receipt = await checkReceipt(txHash, officer);
  if (!receipt.ok) return receipt;
  const current = await readIdentity(getAddress(plan.wallet));
  const nowSec = BigInt(Math.floor(now.getTime() / 1000));
  if (
    current.investorId.toLowerCase() !== plan.investorId.toLowerCase() ||
    current.country !== plan.country ||
    current.categoryCode !== plan.categoryCode ||
    current.expiry <= nowSec ||
    // An officer's own transaction may not set a longer validity than an approval gives.
    current.expiry > latestAllowedExpiry(now, validityMonths)
  ) {
    return { ok: false, code: "not_registered" };
  }
  return { ok: true, expiresAt: new Date(Number(current.expiry) * 1000) };
}
