/**
 * Batch freeze and unfreeze against a real anvil chain and a real database: the preview is computed on the server
 * from the chain (balances, freezes, names) behind the compliance role; the one batch transaction the officer signs
 * is accepted by the console's post-back and audited once with every row and its investor; a batch forced transfer
 * is not a console action (it is left to the two-agent flow).
 */
import { eq } from "drizzle-orm";
import { type Address, type Hex, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { artworkShareTokenAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { devAccount, offeringMinter, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, investors, investorWallets } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { listAudit, parseAuditParams } from "./audit-query";

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

const officer = devAccount(1);
const issuer = devAccount(3);
const [mei, david, priya] = [devAccount(5).address, devAccount(6).address, devAccount(7).address];
const onChainId = (s: string): Hex => keccak256(stringToHex(`batch-${s}`));

let tc: TestChain;
let d: Deployments;
let token: Address;
let actions: typeof import("@/components/compliance/console/batch-actions");
let agent: typeof import("./agent");
const ids: Record<string, string> = {};

const asOfficer = () => {
  state.session = { address: officer.address, expiresAt: new Date(Date.now() + 3_600_000), jti: "officer" };
  state.roles = { ...NO_ROLES, compliance: true, enforcementAgent: true };
};

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer], issuers: [issuer] });
  d = tc.deployments;
  await tc.send(
    tc.wallet(issuer).writeContract({
      address: d.shareTokenFactory,
      abi: shareTokenFactoryAbi,
      functionName: "deployToken",
      args: [
        "Batch Test",
        "BTT",
        1_000_000n,
        { allowedCountries: [], eligibleCategories: 14, maxHolders: 0, maxBalancePerInvestor: 0n, lockupSeconds: 0n },
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
      tc.wallet(officer).writeContract({
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
  ] as const) {
    await tc.send(
      minter.writeContract({ address: token, abi: artworkShareTokenAbi, functionName: "mint", args: [to, amount] }),
    );
  }
  tc.serveToServer();
  t = await createTestDatabase();
  for (const [w, name] of [
    [mei, "Mei Chan"],
    [david, "David Wong"],
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
  actions = await import("@/components/compliance/console/batch-actions");
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

describe("the batch preview (server action)", () => {
  it("is refused to a signed-out caller and to an issuer, and the issuer's attempt is audited", async () => {
    const input = { token, mode: "freeze", list: mei };
    expect(await actions.previewBatchAction(input)).toMatchObject({ ok: false, code: "unauthenticated" });
    state.session = { address: issuer.address, expiresAt: new Date(Date.now() + 3_600_000), jti: "issuer" };
    state.roles = { ...NO_ROLES, issuer: true };
    expect(await actions.previewBatchAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    const refused = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.forbidden"));
    expect(refused.map((r) => r.actor)).toContain(issuer.address.toLowerCase());
    // A registry (identity) agent without the desk's agent role cannot freeze either.
    state.roles = { ...NO_ROLES, compliance: true, identityAgent: true };
    expect(await actions.previewBatchAction(input)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("computes every row from the chain: names, balances, current and new freeze, and the rows that cannot go", async () => {
    asOfficer();
    // Part of david's shares are frozen already, on the chain only: the preview must read it there.
    await tc.send(
      tc.wallet(officer).writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "freezePartialShares",
        args: [david, 15n],
      }),
    );
    const result = await actions.previewBatchAction({
      token,
      mode: "freezeShares",
      list: `${mei},1,000\n${david}, 25\n${priya},1`,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.rows.map((r) => [r.name, r.balance, r.frozenAmount, r.newFrozenAmount, r.problem])).toEqual([
      ["Mei Chan", "100", "0", "0", "exceedsFree"],
      ["David Wong", "40", "15", "40", null],
      [null, "0", "0", "0", "exceedsFree"],
    ]);
  });

  it("refuses bad lines in words by number, and an address that is not a platform token", async () => {
    asOfficer();
    const bad = await actions.previewBatchAction({ token, mode: "freezeShares", list: `${mei},2.5\nnot-a-wallet,3` });
    expect(bad).toMatchObject({
      ok: false,
      code: "bad_lines",
      lineErrors: [
        { line: 1, code: "amount", error: { code: "notWhole" } },
        { line: 2, code: "address" },
      ],
    });
    const notToken = await actions.previewBatchAction({ token: d.identityRegistry, mode: "freeze", list: mei });
    expect(notToken).toMatchObject({ ok: false, code: "not_a_token" });
    expect(await actions.previewBatchAction({ token, mode: "burn", list: mei })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });
});

describe("the batch transaction", () => {
  const sendBatch = (functionName: string, args: readonly unknown[]) =>
    tc.send(
      tc.wallet(officer).writeContract({
        address: token,
        abi: artworkShareTokenAbi,
        functionName: functionName as never,
        args: args as never,
      }),
    );
  const postBack = async (hash: Hex) => {
    const decoded = await agent.decodeAgentTx({ txHash: hash, actor: officer.address });
    if (!decoded.ok) return decoded;
    return agent.recordAgentTx(t.db, {
      tx: decoded.tx,
      txHash: hash,
      actor: officer.address,
      reason: "Court order 2026/17",
      ip: "127.0.0.1",
    });
  };

  it("is one transaction, audited once with every row and its investor; each investor's trail finds it", async () => {
    const receipt = await sendBatch("batchSetWalletFrozen", [
      [mei, david],
      [true, true],
    ]);
    const recorded = await postBack(receipt.transactionHash);
    expect(recorded).toMatchObject({ ok: true });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.txHash, receipt.transactionHash));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "token.batch_wallet_freeze",
      subjectType: "token",
      subjectId: token.toLowerCase(),
      after: {
        reason: "Court order 2026/17",
        rows: [
          { wallet: mei.toLowerCase(), investorId: ids[mei], frozen: true },
          { wallet: david.toLowerCase(), investorId: ids[david], frozen: true },
        ],
        investorIds: [ids[mei], ids[david]],
      },
    });
    const trail = await listAudit(t.db, parseAuditParams({ investor: ids[david]! }));
    expect(trail.rows.map((r) => r.txHash)).toContain(receipt.transactionHash);
    for (const w of [mei, david])
      expect(
        await tc.client.readContract({
          address: token,
          abi: artworkShareTokenAbi,
          functionName: "isFrozen",
          args: [w],
        }),
      ).toBe(true);

    const unfreeze = await sendBatch("batchSetWalletFrozen", [
      [mei, david],
      [false, false],
    ]);
    expect(await postBack(unfreeze.transactionHash)).toMatchObject({ ok: true });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.txHash, unfreeze.transactionHash));
    expect(entry?.action).toBe("token.batch_wallet_unfreeze");
  });

  it("accepts partial batch freezes and releases; a batch forced transfer is not one agent's to send", async () => {
    const freeze = await sendBatch("batchFreezePartialShares", [[mei], [10n]]);
    expect(await postBack(freeze.transactionHash)).toMatchObject({ ok: true });
    const release = await sendBatch("batchUnfreezePartialShares", [[mei], [10n]]);
    expect(await postBack(release.transactionHash)).toMatchObject({ ok: true });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.txHash, release.transactionHash));
    expect(entry).toMatchObject({
      action: "token.batch_shares_unfreeze",
      after: { rows: [{ wallet: mei.toLowerCase(), amount: "10" }] },
    });
    // Moving shares is the enforcement desk's (two agents): the token refuses one agent's batch forced transfer.
    await expect(sendBatch("batchForcedTransfer", [[mei], [david], [1n]])).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    );
  });
});
