/**
 * lib/trade's public surface: what routes, server components, actions and other domains call. Its client-safe part
 * (pure helpers, types) is ./client, which client components import instead.
 */
export { getBuyView, getTradeView, MY_ORDERS_PAGE, tradePageMetadata } from "./views";
export type { BuyView } from "./views";
export * from "./client";
