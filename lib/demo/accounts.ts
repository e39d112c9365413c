import "server-only";

import { mnemonicToAccount } from "viem/accounts";
import { getServerEnv, isLocalChain } from "@/lib/env";
import { DEMO_MNEMONIC, people } from "./people";

export type DemoAccount = { address: `0x${string}`; label: string; description: string };

/**
 * The seeded demo accounts for the demo wallet — on the local chain only (their keys are public:
 * anvil's default mnemonic). Empty on any other chain.
 */
export function getDemoAccounts(): DemoAccount[] {
  if (!isLocalChain(getServerEnv())) return [];
  return people.map((p) => ({
    address: mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: p.account }).address,
    label: p.name,
    description: p.description,
  }));
}
