/**
 * lib/portfolio's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { loadDistributionClaims } from "./distribution-claims";
export { PORTFOLIO_ORDERS_PAGE } from "./queries";
export type { HistoryEntry, HistoryKind, Holding, PortfolioOrder } from "./queries";
export * from "./statement";
export { StatementFontMissingError } from "./pdf";
export type { PdfTranslate } from "./pdf";
export type { AllocationRow, PerformanceRow, PortfolioInsights, PriceSource, ValuePoint } from "./insights";
export * from "./views";
export * from "./client";
