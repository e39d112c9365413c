/**
 * The indexer's slicing decoder against viem's `decodeEventLog`: every event of the project's contracts, encoded
 * with fuzzed values by viem, decodes to the same plain arguments both ways; logs of the wrong shape (a word that is
 * no bool, missing or extra topics, short or long data) are refused or decoded exactly as viem does.
 */
import {
  type AbiEvent,
  type AbiParameter,
  decodeEventLog,
  encodeAbiParameters,
  encodeEventTopics,
  getAddress,
  type Hex,
  toHex,
} from "viem";
import { describe, expect, it } from "vitest";
import * as abis from "../chain/abis";
import { compileEventDecoder, decodeLog, eventDecoder, plain } from "./decode";

/** A small deterministic PRNG (mulberry32), so a failure is reproducible. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(rand: () => number, n: number): Hex {
  let s = "0x";
  for (let i = 0; i < n; i++)
    s += Math.floor(rand() * 256)
      .toString(16)
      .padStart(2, "0");
  return s as Hex;
}

/** A random value of an ABI type, edge values (zero, the extremes) one time in four. */
function fuzz(p: AbiParameter, rand: () => number): unknown {
  const edge = rand() < 0.25;
  if (p.type.endsWith("[]")) {
    const item = { ...p, type: p.type.slice(0, -2) } as AbiParameter;
    return Array.from({ length: Math.floor(rand() * 3) }, () => fuzz(item, rand));
  }
  if (p.type === "tuple")
    return Object.fromEntries(
      (p as { components: readonly AbiParameter[] }).components.map((c) => [c.name, fuzz(c, rand)]),
    );
  if (p.type === "address") return getAddress(randomBytes(rand, 20));
  if (p.type === "bool") return rand() < 0.5;
  if (p.type === "string") return `s${Math.floor(rand() * 1e6)}`;
  if (p.type === "bytes") return randomBytes(rand, Math.floor(rand() * 40));
  const int = /^(u?)int(\d*)$/.exec(p.type);
  if (int) {
    const bits = BigInt(int[2] || 256);
    const signed = int[1] === "";
    const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    const min = signed ? -(1n << (bits - 1n)) : 0n;
    if (edge) return [min, max, 0n][Math.floor(rand() * 3)]!;
    const v = BigInt(randomBytes(rand, Number(bits) / 8)) % (max - min + 1n);
    const value = v + min;
    return bits > 48n ? value : Number(value);
  }
  const bytes = /^bytes(\d+)$/.exec(p.type);
  if (bytes) return randomBytes(rand, Number(bytes[1]));
  throw new Error(`no fuzzer for ${p.type}`);
}

const allEvents: AbiEvent[] = Object.values(abis)
  .flatMap((abi) => (abi as readonly { type: string }[]).filter((i) => i.type === "event") as AbiEvent[])
  .filter((e, i, list) => list.findIndex((x) => x.name === e.name && x.inputs.length === e.inputs.length) === i);

function encodeLog(event: AbiEvent, args: Record<string, unknown>): { topics: Hex[]; data: Hex } {
  const topics = encodeEventTopics({ abi: [event], eventName: event.name, args } as never) as Hex[];
  const rest = event.inputs.filter((i) => !("indexed" in i && i.indexed));
  return {
    topics,
    data: encodeAbiParameters(
      rest,
      rest.map((i) => args[i.name!]),
    ),
  };
}

/** What the indexer recorded before the slicing decoder: viem's strict decoding, each value made plain. */
function viaViem(event: AbiEvent, topics: Hex[], data: Hex) {
  try {
    const d = decodeEventLog({ abi: [event], topics: topics as [Hex], data, strict: true }) as {
      eventName: string;
      args?: Record<string, unknown>;
    };
    return {
      eventName: d.eventName,
      args: Object.fromEntries(Object.entries(d.args ?? {}).map(([k, v]) => [k, plain(v)])),
    };
  } catch {
    return null;
  }
}

describe("the indexer's event decoder", () => {
  it("slices the project's one-word events (and leaves the others to viem)", () => {
    const fast = allEvents.filter((e) => compileEventDecoder(e) !== null).map((e) => e.name);
    // The events a catch-up is made of are sliced.
    for (const name of ["Transfer", "OrderPlaced", "OrderFilled", "OrderCancelled", "SharesPurchased"])
      expect(fast).toContain(name);
    // A tuple, a string or bytes go through viem.
    for (const name of ["RulesUpdated", "DistributionCreated", "EnforcementProposed"]) expect(fast).not.toContain(name);
  });

  it("decodes fuzzed logs of every event exactly as viem does", () => {
    const rand = prng(17);
    let sliced = 0;
    for (const event of allEvents)
      for (let round = 0; round < 60; round++) {
        const args = Object.fromEntries(event.inputs.map((i) => [i.name, fuzz(i, rand)]));
        const { topics, data } = encodeLog(event, args);
        const expected = viaViem(event, topics, data);
        expect(expected).not.toBeNull();
        expect(decodeLog(eventDecoder(event), topics, data)).toEqual(expected);
        if (compileEventDecoder(event)) sliced++;
      }
    expect(sliced).toBeGreaterThan(1_000);
  });

  it("refuses or decodes a malformed log as viem does", () => {
    const rand = prng(4);
    for (const event of allEvents.filter((e) => compileEventDecoder(e) !== null))
      for (let round = 0; round < 10; round++) {
        const args = Object.fromEntries(event.inputs.map((i) => [i.name, fuzz(i, rand)]));
        const { topics, data } = encodeLog(event, args);
        const dirty = `0x${"ff".repeat(32)}` as Hex;
        const variants: { topics: Hex[]; data: Hex }[] = [
          { topics: topics.slice(0, -1), data },
          { topics: [...topics, dirty], data },
          { topics, data: data.slice(0, -2) as Hex },
          { topics, data: `${data}${"00".repeat(32)}` as Hex },
          { topics, data: "0x" },
          // Every word dirty: a bool is then no bool, a small integer too large.
          {
            topics: [topics[0]!, ...topics.slice(1).map(() => dirty)],
            data: toHex(new Uint8Array((data.length - 2) / 2).fill(0xff)),
          },
        ];
        for (const v of variants)
          expect(decodeLog(eventDecoder(event), v.topics, v.data)).toEqual(viaViem(event, v.topics, v.data));
      }
  });

  it("keeps addresses in lower case and large integers as decimal strings", () => {
    const transfer = allEvents.find((e) => e.name === "Transfer" && e.inputs.length === 3)!;
    const from = getAddress(`0x${"ab".repeat(20)}`);
    const { topics, data } = encodeLog(transfer, { from, to: from, value: 2n ** 200n });
    expect(decodeLog(eventDecoder(transfer), topics, data)).toEqual({
      eventName: "Transfer",
      args: { from: from.toLowerCase(), to: from.toLowerCase(), value: (2n ** 200n).toString() },
    });
  });
});
