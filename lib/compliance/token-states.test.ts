/**
 * Which wallets the indexer snapshots after a token's events: every wallet an event names (never the zero address,
 * an agent or a minter), grouped per token and block; and a guard that every register event's wallet arguments are
 * among the names it looks for, so a new event (or a renamed argument) cannot leave a changed wallet unread.
 */
import { getAbiItem } from "viem";
import { describe, expect, it } from "vitest";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import { TOKEN_REGISTER_EVENTS } from "./indexed-events";
import { touchedByEvents, WALLET_ARGS } from "./token-states";

const REGISTER = new Set<string>(["Transfer", ...TOKEN_REGISTER_EVENTS]);
/** Address arguments that name who acted, not whose register state changed. */
const ACTORS = new Set(["agent", "minter"]);
const ZERO = "0x0000000000000000000000000000000000000000";
const T = "0x00000000000000000000000000000000000000aa";
const U = "0x00000000000000000000000000000000000000bb";
const w = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;

describe("register snapshots", () => {
  it("look for every wallet argument of the token's register events", () => {
    for (const name of REGISTER) {
      const item = getAbiItem({ abi: artworkShareTokenAbi, name: name as "Transfer" });
      expect(item, name).toBeDefined();
      const wallets = item.inputs.filter((i) => i.type === "address" && !ACTORS.has(i.name ?? "")).map((i) => i.name);
      for (const arg of wallets) expect(WALLET_ARGS as readonly string[], `${name}.${arg}`).toContain(arg);
    }
  });

  it("group the named wallets per token and block, without the zero address, actors or other events", () => {
    const touched = touchedByEvents(
      [
        { blockNumber: 5n, eventName: "Transfer", token: T, args: { from: ZERO, to: w(1), value: "10" } },
        { blockNumber: 5n, eventName: "SharesMinted", token: T, args: { to: w(1), amount: "10", minter: w(9) } },
        { blockNumber: 5n, eventName: "SharesFrozen", token: T, args: { wallet: w(2), amount: "1", agent: w(8) } },
        { blockNumber: 6n, eventName: "Paused", token: T, args: { agent: w(8) } },
        {
          blockNumber: 6n,
          eventName: "LockMoved",
          token: U,
          args: { lostWallet: w(3), newWallet: w(4), amount: "1", releaseAt: "9" },
        },
        { blockNumber: 6n, eventName: "RoleGranted", token: T, args: { account: w(7), sender: w(8) } },
        { blockNumber: 6n, eventName: "WalletLinked", token: null, args: { wallet: w(5) } },
      ],
      REGISTER,
    );
    expect(
      [...touched.values()].map((g) => ({ token: g.token, block: g.blockNumber, wallets: [...g.wallets].sort() })),
    ).toEqual([
      { token: T, block: 5n, wallets: [w(1), w(2)] },
      { token: T, block: 6n, wallets: [] }, // pause: the header only
      { token: U, block: 6n, wallets: [w(3), w(4)] },
    ]);
  });
});
