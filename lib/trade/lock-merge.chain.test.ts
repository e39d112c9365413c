import { createTranslator } from "next-intl";
import { type Address, keccak256, parseEventLogs, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import en from "@/lib/i18n/messages/en/trade.json";
import zh from "@/lib/i18n/messages/zh-HK/trade.json";
import { lockMergeFromPreview, lockMergeMessage } from "./lock-merge";

// Issue 11 item 4: buying more never moves the lock of shares already held silently. A wallet keeps four running
// lock-up lots; the confirmation says, from the token's own preview, which shares' lock a fifth purchase moves and to
// when, and the purchase then does exactly that.
const officer = devAccount(1);
const issuer = devAccount(3);
const buyer = devAccount(5);
const DAY = 86_400;
let tc: TestChain;
let token: Address;
let minter: Awaited<ReturnType<typeof offeringMinter>>;

const day = (d: Date) => d.toISOString().slice(0, 10);
const tEn = createTranslator({ locale: "en", messages: en, namespace: "trade" });
const tZh = createTranslator({ locale: "zh-HK", messages: zh, namespace: "trade" });

async function passTime(seconds: number) {
  await tc.client.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
  await tc.client.request({ method: "evm_mine" as never, params: [] as never });
}
const preview = async () =>
  lockMergeFromPreview(
    await tc.client.readContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "lockMergePreview",
      args: [buyer.address],
    }),
  );
const mint = (amount: bigint) =>
  tc.send(
    minter.writeContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "mint",
      args: [buyer.address, amount],
    }),
  );

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer], issuers: [issuer] });
  const now = Number((await tc.client.getBlock()).timestamp);
  await tc.send(
    tc.wallet(officer).writeContract({
      address: tc.deployments.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "registerInvestor",
      args: [buyer.address, keccak256(stringToHex("investor-buyer")), 344, 1, BigInt(now + 365 * DAY)],
    }),
  );
  const deployed = await tc.send(
    tc.wallet(issuer).writeContract({
      address: tc.deployments.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Lock Test",
        "LCK",
        1000n,
        {
          allowedCountries: [],
          eligibleCategories: 14,
          maxHolders: 0,
          maxBalancePerInvestor: 0n,
          lockupSeconds: BigInt(30 * DAY),
        },
        "http://x/m.json",
        keccak256(stringToHex("meta")),
      ],
    }),
  );
  token = parseEventLogs({ abi: shareTokenFactoryAbi, logs: deployed.logs, eventName: "TokenDeployed" })[0]!.args.token;
  minter = await offeringMinter(tc.url, tc.deployments.primaryOffering);
}, 120_000);

afterAll(async () => {
  await tc?.stop();
});

describe("lock-up lots in the buy confirmation", () => {
  it("says nothing moves while fewer than four lots run, then names the held shares and both dates", async () => {
    const releases: number[] = [];
    for (const [amount, gap] of [
      [10n, 0],
      [20n, DAY],
      [30n, 2 * DAY],
      [40n, 7 * DAY],
    ] as const) {
      await passTime(gap);
      expect((await preview()).kind).toBe("none");
      const r = await mint(amount);
      releases.push(Number((await tc.client.getBlock({ blockNumber: r.blockNumber })).timestamp) + 30 * DAY);
    }
    await passTime(2 * DAY); // releases 1, 2, 7 and 2 days apart: the first two lots are the closest pair
    const merge = await preview();
    expect(merge).toEqual({
      kind: "held",
      amount: 10n,
      from: new Date(releases[0]! * 1000),
      to: new Date(releases[1]! * 1000),
    });
    const message = lockMergeMessage(merge, { day, shares: (n) => n.toString() })!;
    const words = tEn(message.key as never, message.values as never) as string;
    expect(words).toContain(`10 shares you already hold, locked until ${day(new Date(releases[0]! * 1000))}`);
    expect(words).toContain(`will stay locked until ${day(new Date(releases[1]! * 1000))}`);
    expect(tZh(message.key as never, message.values as never) as string).toContain("10 股");

    // The purchase then does exactly what was said.
    await mint(5n);
    const [amounts, lotReleases] = await tc.client.readContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "lockLots",
      args: [buyer.address],
    });
    expect(lotReleases.map(Number)[0]).toBe(releases[1]);
    expect(amounts[0]).toBe(30n); // 10 + 20, released on the later date
  }, 60_000);
});
