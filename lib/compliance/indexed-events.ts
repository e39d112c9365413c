/**
 * The chain events compliance has the indexer record (its projections are in `projections.ts`), by name: views read
 * them from `chain_events`. Leaf module.
 */
/** Events of the enforcement desk, recorded with `token` = the token the proposal acts on. */
export const DESK_EVENTS = ["EnforcementProposed", "EnforcementExecuted", "EnforcementCancelled"] as const;

/** Events of a share token that change its register (besides Transfer), recorded with `token` = the token. */
export const TOKEN_REGISTER_EVENTS = [
  "SharesMinted",
  "SharesBurned",
  "WalletFrozenSet",
  "SharesFrozen",
  "SharesUnfrozen",
  "ForcedTransferred",
  "WalletRecovered",
  "Paused",
  "Unpaused",
  "RulesUpdated",
  "LockMerged",
  "LockConsumed",
  "LockMoved",
  "FreezeMoved",
] as const;
/** Events of a share token that change who holds which role on it (the owner included), with `token` = the token. */
export const TOKEN_ROLE_EVENTS = [
  "RoleGranted",
  "RoleRevoked",
  "OwnershipTransferStarted",
  "OwnershipTransferred",
] as const;
/** The registry's events: investors, their wallets (two-agent links too) and the platform's emergency stop. */
export const REGISTRY_EVENTS = [
  "InvestorRegistered",
  "InvestorUpdated",
  "InvestorRemoved",
  "WalletLinked",
  "WalletUnlinked",
  "WalletLinkProposed",
  "WalletLinkConfirmed",
  "WalletLinkCancelled",
  "PlatformStopped",
  "PlatformResumed",
] as const;
/** The platform contracts' role events (factory issuers, registry and desk agents, admins), with `token` = null. */
export const PLATFORM_ROLE_EVENTS = ["RoleGranted", "RoleRevoked"] as const;
