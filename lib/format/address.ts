import { getAddress, isAddress } from "viem";

/** `0x1234…abcd` — keeps the checksum casing the caller passes. */
export function shortAddress(address: string, chars = 4): string {
  if (address.length <= 2 + chars * 2) return address;
  return `${address.slice(0, 2 + chars)}…${address.slice(-chars)}`;
}

/**
 * An address as people compare it with their wallet: EIP-55 checksum casing (sessions and tables keep
 * addresses in lowercase). Anything that is not an address is returned unchanged.
 */
export function checksumAddress(address: string): string {
  return isAddress(address, { strict: false }) ? getAddress(address) : address;
}
