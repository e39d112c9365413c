/**
 * The share token's transfer codes' message keys (codes: TRANSFER_* of contracts/src/interfaces/IArtworkShareToken.sol,
 * `TransferCode` in ./reasons). A module of their own: the market's checks and the compliance console word transfer
 * codes without taking the buy page's checklist (./reasons) with them.
 */

/** Message key per transfer code (under `trade.reasons.transfer`). */
export const transferReasonKeys: Readonly<Record<number, string>> = {
  1: "paused",
  2: "senderFrozen",
  3: "receiverFrozen",
  4: "insufficientUnfrozenBalance",
  5: "receiverNotVerified",
  6: "countryNotAllowed",
  7: "categoryNotEligible",
  8: "maxHoldersReached",
  9: "maxBalanceExceeded",
  10: "sharesLocked",
  11: "senderNotVerified",
  12: "senderCountryNotAllowed",
  13: "invalidReceiver",
  14: "maxSupplyExceeded",
  15: "tradingEnded",
};
