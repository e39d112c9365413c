/** lib/demo's public surface: what routes, server components, actions and other domains call. */
export { getDemoAccounts } from "./accounts";
