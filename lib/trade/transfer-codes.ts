/**
 * The share token's transfer codes (contracts/src/interfaces/IArtworkShareToken.sol, TRANSFER_*) and their message
 * keys (under `trade.reasons.transfer`). A module of their own: the market's checks and the compliance console word
 * transfer codes without taking the buy page's checklist (./reasons) with them.
 */
export const TransferCode = {
  Ok: 0,
  Paused: 1,
  SenderFrozen: 2,
  ReceiverFrozen: 3,
  InsufficientUnfrozenBalance: 4,
  ReceiverNotVerified: 5,
  CountryNotAllowed: 6,
  CategoryNotEligible: 7,
  MaxHoldersReached: 8,
  MaxBalanceExceeded: 9,
  SharesLocked: 10,
  SenderNotVerified: 11,
  SenderCountryNotAllowed: 12,
  InvalidReceiver: 13,
  MaxSupplyExceeded: 14,
  TradingEnded: 15,
} as const;
export type TransferCode = (typeof TransferCode)[keyof typeof TransferCode];

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
