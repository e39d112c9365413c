/**
 * lib/wallet's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { getWagmiConfig } from "./config";
export { isDemoConnectorId } from "./demo-connector";
