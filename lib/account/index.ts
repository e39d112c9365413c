/** lib/account's public surface: what routes, server components, actions and other domains call. */
export { getAccountView, getAccountWalletsView, getWalletInvitationView } from "./views";
export type { AccountWalletsView } from "./views";
