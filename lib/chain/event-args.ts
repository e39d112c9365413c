/**
 * One decoder for an event's arguments, read alike from viem's decoded logs (bigints, checksummed addresses) and from
 * the indexer's record (`chain_events.args`: decimal strings, lowercase addresses). Plain module.
 */
import { type Address, getAddress } from "viem";

/** How an argument is read: a bigint, a checksummed address, a number, a lowercase string, or the string as it is. */
export type ArgKind = "bigint" | "address" | "number" | "lower" | "string";

type ArgValue<K extends ArgKind> = K extends "bigint"
  ? bigint
  : K extends "address"
    ? Address
    : K extends "number"
      ? number
      : string;

export type DecodedArgs<S extends Record<string, ArgKind>> = { [K in keyof S]: ArgValue<S[K]> };

const readers: { [K in ArgKind]: (v: unknown) => ArgValue<K> } = {
  bigint: (v) => BigInt(String(v)),
  address: (v) => getAddress(String(v)),
  number: (v) => Number(v),
  lower: (v) => String(v).toLowerCase(),
  string: (v) => String(v),
};

/** The arguments named in `spec`, each read as its kind says (e.g. `{ orderId: "bigint", maker: "address" }`). */
export function decodeArgs<const S extends Record<string, ArgKind>>(
  args: Readonly<Record<string, unknown>>,
  spec: S,
): DecodedArgs<S> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) out[name] = readers[kind](args[name]);
  return out as DecodedArgs<S>;
}
