/**
 * Pro-rata allocation of a distribution's amount over the holders at the record block, in whole cents.
 *
 * Rule (issue 15, deterministic, the same on every machine): each holder is entitled to
 * floor(amount × balance ÷ supply), rounded down to a whole cent, where `supply` is the token's total supply at the
 * record block — wallets left out (the platform's own contracts) count in the supply, so their part is not shared
 * out among the others. No holder ever gets more than its exact share; what the floors leave over (the dust, under
 * one cent a holder plus the left-out wallets' part) stays in the distributor and returns to the issuer when the
 * distribution closes (`Distributor.close`: the issuer takes back what is unclaimed, never more). So
 * Σ entitlements + dust = amount.
 *
 * Pure module: no I/O (the entitlement list, the tree and the verifier use it alike).
 */

/** Decimals of the payment token (HKD). */
export const PAYMENT_DECIMALS = 6;
/** HKD base units per cent (the payment token has 6 decimals). */
export const CENT = 10_000n;

export type Holding = { wallet: string; balance: bigint };
export type Allocation = Holding & { amount: bigint };

export class AllocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AllocationError";
  }
}

/**
 * Each holder's entitlement: floor(amount × balance ÷ supply) in whole `unit`s (payment-token base units), in the
 * order given. `supply` defaults to the holders' balances together; pass the token's supply at the record block
 * when some holders are left out. Holders with a zero balance get zero.
 */
export function allocateProRata(
  holders: readonly Holding[],
  amount: bigint,
  { unit = CENT, supply }: { unit?: bigint; supply?: bigint } = {},
): Allocation[] {
  if (unit <= 0n) throw new AllocationError("The unit must be positive");
  if (amount <= 0n) throw new AllocationError("The amount must be positive");
  if (amount % unit !== 0n) throw new AllocationError(`The amount must be a whole number of cents (${unit} units)`);
  const seen = new Set<string>();
  let held = 0n;
  for (const h of holders) {
    if (h.balance < 0n) throw new AllocationError(`Negative balance for ${h.wallet}`);
    const key = h.wallet.toLowerCase();
    if (seen.has(key)) throw new AllocationError(`Wallet listed twice: ${h.wallet}`);
    seen.add(key);
    held += h.balance;
  }
  const total = supply ?? held;
  if (held === 0n || total === 0n) throw new AllocationError("No shares held at the record block");
  if (total < held) throw new AllocationError("The supply is smaller than the holders' balances together");
  const units = amount / unit;
  return holders.map((h) => ({ wallet: h.wallet, balance: h.balance, amount: ((units * h.balance) / total) * unit }));
}

/** What the floors leave over: it stays in the distributor and returns to the issuer at close. */
export function dustOf(allocation: readonly Allocation[], amount: bigint): bigint {
  return amount - allocation.reduce((s, a) => s + a.amount, 0n);
}
