/**
 * lib/market's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { getLastTradePrices, getMarketConfig, getMarketStats, getOrderBook, getTradesOf } from "./queries";
export type { BookLevel, MarketStats, OrderBook, TradeRow } from "./queries";
export { getOpenOrdersPage, listOpenOrdersPage } from "./open-orders";
export { listTradePrices, type TradePrice } from "./trade-prices";
export * from "./client";
