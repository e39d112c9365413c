/**
 * Batch forced transfer against a real anvil chain and a real database (issue 19 item 13): the preview is computed
 * on the server from the chain behind the compliance role (both investors, the sender's holding, the receiver's
 * verification, and each row's verdict as the token gives it, alone and counting the rows before it); one officer
 * proposes ONE desk proposal of the batchForcedTransfer calldata, audited with every row and both investors; a second
 * officer previews the rows decoded from the proposal's calldata and executes, audited again; the proposer cannot.
 */
import { and, eq } from "drizzle-orm";
import { type Address, type Hex, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { batchTransferCalldata } from "./batch-transfer-calldata";

const state: { session: { address: Address; expiresAt: Date; jti: string } | null; roles: Roles } = {
  session: null,
  roles: NO_ROLES,
};
let t: TestDatabase;
vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => state.session }));
vi.mock("@/lib/auth/roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/roles")>()),
  getRoles: async () => state.roles,
}));
vi.mock("next-intl/server", () => ({
  // Every key "exists" (the action pipeline asks `t.has` before it falls back to the common messages).
  getTranslations: async (ns: string) => Object.assign((key: string) => `${ns}.${key}`, { has: () => true }),
}));

const grace = devAccount(1);
const marcus = devAccount(2);
const issuer = devAccount(3);
const [mei, david, priya, tom] = [
  devAccount(5).address,
  devAccount(6).address,
  devAccount(7).address,
  devAccount(8).address,
];
const onChainId = (s: string): Hex => keccak256(stringToHex(`btx-${s}`));

let tc: TestChain;
let d: Deployments;
let token: Address;
let actions: typeof import("@/components/compliance/console/batch-transfer-actions");
let agent: typeof import("./agent");
const ids: Record<string, string> = {};

const as = (who: typeof grace) => {
  state.session = { address: who.address, expiresAt: new Date(Date.now() + 3_600_000), jti: who.address };
  state.roles = { ...NO_ROLES, compliance: true };
};
const balance = (w: Address) =>
  tc.client.readContract({ address: token, abi: artworkShareTokenAbi, functionName: "balanceOf", args: [w] });

beforeAll(async () => {
  tc = await startTestChain({ agents: [grace, marcus], issuers: [issuer] });
  d = tc.deployments;
  await tc.send(
    tc.wallet(issuer).writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Batch Transfer Test",
        "BXT",
        1_000_000n,
        // At most 120 shares per investor: two rows that each fit may not fit together.
        { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 120n, lockupSeconds: 0n },
        "http://x/m.json",
        keccak256(stringToHex("meta")),
      ],
    }),
  );
  [token] = (await tc.client.readContract({
    address: d.shareTokenFactory,
    abi: shareTokenFactoryAbi,
    functionName: "tokens",
    args: [0n, 10n],
  })) as [Address];
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  for (const [w, who] of [
    [mei, "mei"],
    [david, "david"],
    [priya, "priya"],
  ] as const) {
    await tc.send(
      tc.wallet(grace).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "registerInvestor",
        args: [w, onChainId(who), 344, 1, expiry],
      }),
    );
  }
  const minter = await offeringMinter(tc.url, d.primaryOffering);
  for (const [to, amount] of [
    [mei, 100n],
    [david, 40n],
  ] as const)
    await tc.send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [to, amount] }),
    );
  tc.serveToServer();
  t = await createTestDatabase();
  for (const [w, name] of [
    [mei, "Mei Chan"],
    [david, "David Wong"],
    [priya, "Priya Raman"],
  ] as const) {
    const [inv] = await t.db
      .insert(investors)
      .values({
        legalName: name,
        onChainId: onChainId(name),
        kycStatus: "approved",
        residence: "HK",
        category: "retail",
      })
      .returning();
    ids[w] = inv!.id;
    await t.db.insert(investorWallets).values({ address: w.toLowerCase(), investorId: inv!.id, isPrimary: true });
  }
  actions = await import("@/components/compliance/console/batch-transfer-actions");
  agent = await import("./agent");
}, 180_000);

afterAll(async () => {
  await tc?.stop();
  await t?.close();
});

beforeEach(() => {
  state.session = null;
  state.roles = NO_ROLES;
});

describe("the batch forced transfer preview (server action)", () => {
  it("is refused to a signed-out caller and to an issuer", async () => {
    const input = { token, list: `${mei},${david},1` };
    expect(await actions.previewBatchTransferAction(input)).toMatchObject({ ok: false, code: "unauthenticated" });
    state.session = { address: issuer.address, expiresAt: new Date(Date.now() + 3_600_000), jti: "issuer" };
    state.roles = { ...NO_ROLES, issuer: true };
    expect(await actions.previewBatchTransferAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await actions.previewTransferProposalAction({ id: "1" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("reads every row from the chain: both investors, the sender's holding, the receiver's verification, the token's verdict", async () => {
    as(grace);
    // Part of mei's shares are frozen: a forced transfer takes them anyway (shown as a fact, not a problem).
    await tc.send(
      tc.wallet(grace).writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "freezePartialShares",
        args: [mei, 30n],
      }),
    );
    const result = await actions.previewBatchTransferAction({
      token,
      list: `${mei},${david},10\n${david},${tom},5\n${mei},${priya},95`,
    });
    if (!result.ok) throw new Error(result.code);
    expect(
      result.rows.map((r) => [
        r.fromParty.name,
        r.fromBalance,
        r.fromFrozenAmount,
        r.toParty.name,
        r.toVerified,
        r.problem,
      ]),
    ).toEqual([
      ["Mei Chan", "100", "30", "David Wong", true, null],
      // Tom is not registered: the token's own receiver rule (5 = receiver not verified).
      ["David Wong", "40", "0", null, false, { kind: "rule", code: 5, together: false }],
      // 95 fits mei's 100 alone, not after the 10 of row 1.
      ["Mei Chan", "100", "30", "Priya Raman", true, { kind: "balance", balance: "100", together: true }],
    ]);
  });

  it("finds the row a receiver's limit refuses only together with the rows before it", async () => {
    as(grace);
    // Priya may hold 120: 100 from mei fits, 40 more from david does not.
    const result = await actions.previewBatchTransferAction({
      token,
      list: `${mei},${priya},100\n${david},${priya},40`,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.rows.map((r) => r.problem)).toEqual([null, { kind: "rule", code: 9, together: true }]);
  });

  it("refuses bad lines by number, and an address that is not a platform token", async () => {
    as(grace);
    expect(await actions.previewBatchTransferAction({ token, list: `${mei},${david},2.5\n${mei}` })).toMatchObject({
      ok: false,
      code: "bad_lines",
      lineErrors: [
        { line: 1, code: "amount", error: { code: "notWhole" } },
        { line: 2, code: "to" },
      ],
    });
    expect(
      await actions.previewBatchTransferAction({ token: d.identityRegistry, list: `${mei},${david},1` }),
    ).toMatchObject({ ok: false, code: "not_a_token" });
  });
});

describe("the two-officer proposal", () => {
  const postBack = async (hash: Hex, actor: typeof grace, reason: string) => {
    const decoded = await agent.decodeAgentTx({ txHash: hash, actor: actor.address });
    if (!decoded.ok) throw new Error(decoded.code);
    return agent.recordAgentTx(t.db, { tx: decoded.tx, txHash: hash, actor: actor.address, reason, ip: "127.0.0.1" });
  };

  it("is proposed once with every row, previewed from the calldata by a second officer who executes it; the proposer cannot", async () => {
    const rows = [
      { from: mei, to: david, amount: 10n },
      { from: david, to: priya, amount: 5n },
    ];
    const data = batchTransferCalldata(rows);
    const proposed = await tc.send(
      tc.wallet(grace).writeContract({
        address: d.enforcementDesk!,
        abi: enforcementDeskAbi,
        functionName: "propose",
        args: [token, data],
      }),
    );
    expect(await postBack(proposed.transactionHash, grace, "Court order HCMP 12/2026")).toMatchObject({ ok: true });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.txHash, proposed.transactionHash));
    expect(entry).toMatchObject({
      action: "enforcement.propose",
      actor: grace.address.toLowerCase(),
      after: {
        function: "batchForcedTransfer",
        step: "propose",
        rows: [
          {
            wallet: mei.toLowerCase(),
            investorId: ids[mei],
            to: david.toLowerCase(),
            toInvestorId: ids[david],
            amount: "10",
          },
          {
            wallet: david.toLowerCase(),
            investorId: ids[david],
            to: priya.toLowerCase(),
            toInvestorId: ids[priya],
            amount: "5",
          },
        ],
      },
    });
    expect(new Set((entry!.after as { investorIds: string[] }).investorIds)).toEqual(
      new Set([ids[mei], ids[david], ids[priya]]),
    );
    expect(await balance(mei)).toBe(100n);

    const [id] = await tc.client.readContract({
      address: d.enforcementDesk!,
      abi: enforcementDeskAbi,
      functionName: "pendingProposals",
    });
    // The second officer's preview: the rows decoded from the desk's calldata, checked against the chain now.
    as(marcus);
    const review = await actions.previewTransferProposalAction({ id: id!.toString() });
    if (!review.ok) throw new Error(review.code);
    expect(review).toMatchObject({ token, proposer: grace.address, data });
    expect(review.rows.map((r) => [r.from, r.to, r.amount, r.fromParty.name, r.toParty.name, r.problem])).toEqual([
      [mei, david, "10", "Mei Chan", "David Wong", null],
      [david, priya, "5", "David Wong", "Priya Raman", null],
    ]);

    // The proposer cannot execute her own proposal.
    await expect(
      tc.send(
        tc.wallet(grace).writeContract({
          address: d.enforcementDesk!,
          abi: enforcementDeskAbi,
          functionName: "execute",
          args: [id!, token, data],
        }),
      ),
    ).rejects.toThrow(/DeskSecondAgentRequired/);

    const executed = await tc.send(
      tc.wallet(marcus).writeContract({
        address: d.enforcementDesk!,
        abi: enforcementDeskAbi,
        functionName: "execute",
        args: [id!, token, review.data!],
      }),
    );
    expect(await postBack(executed.transactionHash, marcus, "Checked HCMP 12/2026")).toMatchObject({ ok: true });
    expect([await balance(mei), await balance(david), await balance(priya)]).toEqual([90n, 45n, 5n]);
    const [done] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.txHash, executed.transactionHash), eq(auditLog.actor, marcus.address.toLowerCase())));
    expect(done).toMatchObject({
      action: "token.batch_forced_transfer",
      after: { step: "execute", proposer: grace.address.toLowerCase(), rows: [{ amount: "10" }, { amount: "5" }] },
    });
    // Executed: no longer pending, and the preview says so.
    expect(await actions.previewTransferProposalAction({ id: id!.toString() })).toMatchObject({
      ok: false,
      code: "not_pending",
    });
  });
});
