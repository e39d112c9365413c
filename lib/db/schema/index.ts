/**
 * Database schema (Drizzle, pg-core). Plain module: scripts and drizzle-kit import it.
 *
 * Conventions: snake_case columns; timestamps with time zone; addresses as lowercase 0x hex text;
 * token amounts and money as numeric (read as strings) — money in HKD cents.
 * Balances and eligibility live on chain and are never stored here as a second truth.
 */
export * from "./people";
export * from "./auth";
export * from "./artworks";
export * from "./audit";
export * from "./market";
export * from "./kyc";
export * from "./distributions";
export * from "./jobs";
export * from "./notifications";
export * from "./kyb";
export * from "./cache";
export * from "./issuers";
export * from "./settings";
export * from "./sales";
