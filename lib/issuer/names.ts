import { stringToHex, type Hex } from "viem";

/** The bytes32 form of an on-chain document name (isomorphic; same as lib/assets/documents). */
export function documentNameToBytes32Plain(name: string): Hex {
  return stringToHex(name, { size: 32 });
}
