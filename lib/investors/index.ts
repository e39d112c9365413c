/**
 * Investors and their wallets (tables `investors`, `investor_wallets`): the one module that reads and writes them.
 * Other domains find, list, link, unlink and update through these functions, never through the tables.
 */
export {
  assignOnChainId,
  createInvestorWithWallet,
  getInvestorById,
  getInvestorByOnChainId,
  getInvestorByWallet,
  getInvestorsByIds,
  getInvestorsByOnChainIds,
  getInvestorsOfWallets,
  getInvestorWallets,
  getInvestorsExpiringBetween,
  getLapsedInvestorIds,
  getWalletOwners,
  getWalletsOfInvestors,
  investorIdOfWallet,
  linkWallet,
  listLinkedWallets,
  newOnChainId,
  unlinkWallet,
  updateInvestor,
  type Investor,
  type InvestorCategory,
  type InvestorPatch,
  type InvestorWallet,
} from "./records";
export { applyRegistryChange, type RegistryChange } from "./registry";
