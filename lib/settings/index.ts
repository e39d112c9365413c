/**
 * lib/settings' public surface: the platform settings, where each is enforced, read and changed. The portal's own
 * (KYC validity, token rule defaults) live in the database; the Market's fee and the payment token on chain.
 */
export * from "./store";
export * from "./chain";
export * from "./view";
export * from "./client";
