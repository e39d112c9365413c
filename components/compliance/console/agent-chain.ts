/**
 * The ABIs and calldata encoder of an agent action's call, loaded when the officer signs (./load-agent-chain): none
 * of it is in the register's or an investor's page first load.
 */
export { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
export { encodeFunctionData } from "viem";
