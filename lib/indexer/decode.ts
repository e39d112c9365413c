/**
 * Decoding the indexer's logs into the plain arguments `chain_events.args` stores (bigints as decimal strings,
 * addresses in lower case). A catch-up decodes hundreds of thousands of logs: an event whose arguments are all
 * one-word static types (address, bool, intN/uintN, bytesN — every event the indexer records but a few) is read by
 * slicing its topics and data words with a decoder compiled once per event; a log of any other shape (a tuple,
 * a string, more or fewer topics or data words than its ABI item says) goes through viem's `decodeEventLog`.
 * Both give the same arguments (`decode.test.ts` compares them on fuzzed logs). Plain module.
 */
import { type AbiEvent, decodeEventLog, type Hex } from "viem";

export type PlainValue = string | number | boolean;
export type PlainArgs = Record<string, PlainValue>;

const lower = (a: string) => a.toLowerCase();

/** A decoded value as `chain_events.args` keeps it (what viem's value of the same argument becomes). */
export function plain(value: unknown): PlainValue {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return /^0x[0-9a-fA-F]{40}$/.test(value) ? lower(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Reads one 32-byte word (64 hex digits, no 0x); undefined when the word is not a canonical encoding (viem decides). */
type WordReader = (word: string) => PlainValue | undefined;

const FALSE_WORD = "0".repeat(64);
const TRUE_WORD = `${"0".repeat(63)}1`;

/** The reader of a one-word static ABI type, as viem decodes it and `plain` then keeps it; null for other types. */
function wordReader(type: string): WordReader | null {
  if (type === "address") return (w) => `0x${lower(w.slice(24))}`;
  if (type === "bool") return (w) => (w === FALSE_WORD ? false : w === TRUE_WORD ? true : undefined);
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) {
    const bits = int[2] ? Number(int[2]) : 256;
    const signed = int[1] === "";
    // viem gives a bigint above 48 bits (which `plain` writes in decimal) and a number up to 48.
    const value = signed ? (w: string) => BigInt.asIntN(256, BigInt(`0x${w}`)) : (w: string) => BigInt(`0x${w}`);
    if (bits > 48) return (w) => value(w).toString();
    return (w) => {
      // viem refuses a number it cannot hold exactly (dirty high bits).
      const n = Number(value(w));
      return Number.isSafeInteger(n) ? n : undefined;
    };
  }
  const bytes = /^bytes(\d+)$/.exec(type);
  if (bytes) {
    const n = Number(bytes[1]);
    if (n < 1 || n > 32) return null;
    return (w) => `0x${lower(w.slice(0, 2 * n))}`;
  }
  return null;
}

type Field = { name: string; read: WordReader };
type FastDecoder = { eventName: string; topics: Field[]; data: Field[] };

/** A slicing decoder for an event whose inputs are all named one-word static types; null otherwise. */
export function compileEventDecoder(abi: AbiEvent): FastDecoder | null {
  const topics: Field[] = [];
  const data: Field[] = [];
  if (abi.anonymous) return null;
  for (const input of abi.inputs) {
    const read = wordReader(input.type);
    if (!read || !input.name) return null;
    ("indexed" in input && input.indexed ? topics : data).push({ name: input.name, read });
  }
  return { eventName: abi.name, topics, data };
}

/** Slices a log of exactly the decoder's shape; undefined when it is not (viem decides then). */
function decodeFast(d: FastDecoder, topics: readonly Hex[], data: Hex): PlainArgs | undefined {
  if (topics.length !== d.topics.length + 1 || data.length !== 2 + 64 * d.data.length) return undefined;
  // viem's order: the indexed arguments, then the others.
  const args: PlainArgs = {};
  for (let i = 0; i < d.topics.length; i++) {
    const topic = topics[i + 1]!;
    if (topic.length !== 66) return undefined;
    const v = d.topics[i]!.read(topic.slice(2));
    if (v === undefined) return undefined;
    args[d.topics[i]!.name] = v;
  }
  for (let i = 0; i < d.data.length; i++) {
    const v = d.data[i]!.read(data.slice(2 + 64 * i, 66 + 64 * i));
    if (v === undefined) return undefined;
    args[d.data[i]!.name] = v;
  }
  return args;
}

export type EventDecoder = {
  abi: readonly [AbiEvent];
  fast: FastDecoder | null;
};

export function eventDecoder(abi: AbiEvent): EventDecoder {
  return { abi: [abi], fast: compileEventDecoder(abi) };
}

/**
 * Decodes a log with its event's decoder (chosen by topic 0): the event's name and its plain arguments, or null when
 * the log does not decode as that event (viem's strict decoding refuses it).
 */
export function decodeLog(
  decoder: EventDecoder,
  topics: readonly Hex[],
  data: Hex,
): { eventName: string; args: PlainArgs } | null {
  if (decoder.fast) {
    const args = decodeFast(decoder.fast, topics, data);
    if (args) return { eventName: decoder.fast.eventName, args };
  }
  let decoded: { eventName: string; args?: Record<string, unknown> };
  try {
    decoded = decodeEventLog({
      abi: decoder.abi,
      data,
      topics: topics as [Hex, ...Hex[]],
      strict: true,
    }) as unknown as typeof decoded;
  } catch {
    return null;
  }
  const args: PlainArgs = {};
  for (const [k, v] of Object.entries(decoded.args ?? {})) args[k] = plain(v);
  return { eventName: decoded.eventName, args };
}
