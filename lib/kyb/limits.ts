/** How many people and wallets an issuer application lists (no zod behind them: the form bundles only these). */
export const MAX_PEOPLE = 12;
export const MAX_WALLETS = 5;
