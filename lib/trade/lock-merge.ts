/**
 * What a purchase would do to the buyer's lock-ups, from the token's `lockMergePreview`, in words for the
 * confirmation (namespace `trade`). A wallet keeps at most four running lock-up lots; a fifth merges the two lots with
 * the closest releases into the LATER one, so a release only ever moves later. Pure and isomorphic.
 */
export type LockMerge =
  | { kind: "none" }
  /** The shares being bought join a later lot: locked until `to` instead of `from`. */
  | { kind: "purchase"; from: Date; to: Date }
  /** `amount` shares already held, locked until `from`, stay locked until `to`. */
  | { kind: "held"; amount: bigint; from: Date; to: Date };

/** `lockMergePreview(wallet)` → (merges, purchaseMoves, movedAmount, fromRelease, toRelease). */
export type LockMergePreview = readonly [boolean, boolean, bigint, bigint, bigint];

export function lockMergeFromPreview([
  merges,
  purchaseMoves,
  movedAmount,
  fromRelease,
  toRelease,
]: LockMergePreview): LockMerge {
  if (!merges) return { kind: "none" };
  const from = new Date(Number(fromRelease) * 1000);
  const to = new Date(Number(toRelease) * 1000);
  return purchaseMoves ? { kind: "purchase", from, to } : { kind: "held", amount: movedAmount, from, to };
}

/** The confirmation's words (key under `trade`, values pre-formatted), or null when no lock moves. */
export function lockMergeMessage(
  merge: LockMerge,
  format: { day: (d: Date) => string; shares: (n: bigint) => string },
): { key: string; values: Record<string, string> } | null {
  if (merge.kind === "none") return null;
  const values = { from: format.day(merge.from), to: format.day(merge.to) };
  return merge.kind === "purchase"
    ? { key: "confirm.lockMerge.purchase", values }
    : { key: "confirm.lockMerge.held", values: { ...values, shares: format.shares(merge.amount) } };
}
