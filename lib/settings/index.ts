/**
 * lib/settings' public surface: the platform settings, where each is enforced, read and changed. The portal's own
 * (KYC validity, token rule defaults) live in the database; the Market's fee, its accrued fees and the payment token on chain.
 */
export * from "./store";
export * from "./chain";
export * from "./fees";
export * from "./view";
export * from "./client";
