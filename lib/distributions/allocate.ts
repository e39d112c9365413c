/**
 * Pro-rata allocation of a distribution's amount over the holders at the record block, in whole cents.
 *
 * Rule (deterministic, the same on every machine): the amount is split in cents (HKD has 6 decimals, so one cent is
 * 10,000 base units; the amount must be a whole number of cents). Each holder first gets
 * floor(cents × balance ÷ total) cents, where total is the sum of the balances allocated over; the cents left over
 * (fewer than the number of holders) go one each to the holders with the largest remainders
 * (cents × balance mod total), ties to the lower index (holders are in index order, i.e. by wallet address). So the
 * entitlements sum to the amount exactly, none is negative, and no holder gets a cent more than its exact share
 * rounded up. The "floor then dust back to the issuer" is the contract's guarantee for any tree; this tree
 * leaves no dust.
 *
 * Pure module: no I/O (the entitlement list, the tree and the verifier use it alike).
 */

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
 * Splits `amount` (payment-token base units, a whole number of `unit`s) over `holders` in proportion to their
 * balances, in the order given (the order breaks ties). Holders with a zero balance get zero.
 */
export function allocateProRata(holders: readonly Holding[], amount: bigint, unit: bigint = CENT): Allocation[] {
  if (unit <= 0n) throw new AllocationError("The unit must be positive");
  if (amount <= 0n) throw new AllocationError("The amount must be positive");
  if (amount % unit !== 0n) throw new AllocationError(`The amount must be a whole number of cents (${unit} units)`);
  const seen = new Set<string>();
  let total = 0n;
  for (const h of holders) {
    if (h.balance < 0n) throw new AllocationError(`Negative balance for ${h.wallet}`);
    const key = h.wallet.toLowerCase();
    if (seen.has(key)) throw new AllocationError(`Wallet listed twice: ${h.wallet}`);
    seen.add(key);
    total += h.balance;
  }
  if (total === 0n) throw new AllocationError("No shares held at the record block");
  const units = amount / unit;
  const base = holders.map((h) => (units * h.balance) / total);
  const remainders = holders.map((h) => (units * h.balance) % total);
  let left = units - base.reduce((s, v) => s + v, 0n);
  // Largest remainder first; equal remainders in index order (a stable sort keeps the given order).
  const order = holders
    .map((_, i) => i)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  for (const i of order) {
    if (left === 0n) break;
    if (remainders[i] === 0n) break;
    base[i]! += 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new AllocationError("Allocation did not sum to the amount"); // cannot happen
  return holders.map((h, i) => ({ wallet: h.wallet, balance: h.balance, amount: base[i]! * unit }));
}
