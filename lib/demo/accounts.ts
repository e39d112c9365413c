import "server-only";

import { mnemonicToAccount } from "viem/accounts";
import { getServerEnv, isLocalChain } from "@/lib/env";
import { DEMO_MNEMONIC, people } from "./people";

export type DemoAccount = { address: `0x${string}`; label: string; description: string };

/*
 * Derived once per process: each derivation runs the mnemonic's PBKDF2 (2,048 rounds of SHA-512) and a BIP-32 path
 * in JavaScript, ~40 ms a person, and every wallet page's layout asks for the list. The list never changes (a
 * public mnemonic, a fixed cast), so it is kept for the process's life.
 */
let derived: readonly DemoAccount[] | undefined;

/**
 * The seeded demo accounts for the demo wallet — on the local chain only (their keys are public:
 * anvil's default mnemonic). Empty on any other chain.
 */
export function getDemoAccounts(): DemoAccount[] {
  if (!isLocalChain(getServerEnv())) return [];
  derived ??= people.map((p) => ({
    address: mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: p.account }).address,
    label: p.name,
    description: p.description,
  }));
  return [...derived];
}
