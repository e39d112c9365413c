/** lib/sync's public surface: what routes, server components, actions and other domains call. */
export { settleConfirmedTx } from "./settle";
