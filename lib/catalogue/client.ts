/**
 * lib/catalogue's client-safe surface: pure helpers and types (no server-only module behind a value), for client
 * components and for any layer.
 */
export { OfferingStatus, describeOffering, offeringStatusToCatalogue } from "./offering";
export type { OfferingFacts, OfferingView } from "./offering";
export * from "./status-look";
