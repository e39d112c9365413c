/**
 * The distribution server actions end to end (pipeline, session and role mocked; real anvil, indexer and PGlite):
 * the issuer plans a distribution and gets the terms to sign, a refusal comes back in words, the issuer's
 * createDistribution is recorded, the investor fetches their claim with its proof and claims with it, and the tree
 * document is served byte for byte at its URI.
 */
import type { Address, Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { distributorAbi, hKDStablecoinAbi } from "@/lib/chain/abis";
import { devAccount, type TestChain } from "@/lib/chain/local/test-chain";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { type TestDatabase } from "@/lib/db/testing";
import { sha256Hex } from "@/lib/format/hash";
import { getServerEnv, resetServerEnv } from "@/lib/env";
import enErrors from "@/lib/i18n/messages/en/distributions.json";
import { type DistributionScene, setUpDistributionScene } from "./distribution-fixture";

const state: { session: { address: Address; expiresAt: Date; jti: string } | null; roles: Roles } = {
  session: null,
  roles: NO_ROLES,
};
let t: TestDatabase;
vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => state.session }));
vi.mock("@/lib/auth/roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/roles")>()),
  getRoles: async () => state.roles,
}));
// A forged Host header: the tree's address (anchored on-chain for good) must come from the configured origin.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "evil.test", "x-forwarded-proto": "https" }),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async (ns?: string) => {
    const messages: Record<string, string> = ns === "distributions.errors" ? enErrors.distributions.errors : {};
    const tr = (key: string) => messages[key] ?? `${ns}.${key}`;
    tr.has = (key: string) => key in messages;
    return tr;
  },
}));

const officer = devAccount(1);
const issuer = devAccount(3);
const holder = devAccount(5);
let scene: DistributionScene;
let tc: TestChain;
let token: Address;
const signIn = (who: Address, roles: Partial<Roles> = {}) => {
  state.session = { address: who, expiresAt: new Date(Date.now() + 3_600_000), jti: who };
  state.roles = { ...NO_ROLES, registered: true, ...roles };
};

beforeAll(async () => {
  scene = await setUpDistributionScene({
    officer,
    issuer,
    name: "Action Test",
    symbol: "ACT",
    investorKey: "action",
    holders: [[holder, 10n]],
  });
  ({ tc, database: t, token } = scene);
  tc.serveToServer();
  await scene.mineAndSync();
}, 240_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await scene?.stop();
});

describe("distribution actions", () => {
  it("plan → sign → record → the investor's proof → claim; the document is served at its URI", async () => {
    const d = tc.deployments;
    const { planDistributionAction, recordDistributionAction } =
      await import("@/components/issuer/distribution-actions");
    const { myDistributionClaimsAction } = await import("@/components/portfolio/distribution-actions");
    const input = { token, kind: "income" as const, amount: "12340000", recordBlock: "now" as const, claimDays: 30 };

    signIn(holder.address, { issuer: true });
    const refused = await planDistributionAction(input);
    expect(refused).toMatchObject({ ok: false, code: "not_issuer", message: "Only the token's issuer can do this." });

    signIn(issuer.address, { issuer: true });
    const plan = await planDistributionAction(input);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.treeURI).toBe(`${getServerEnv().appOrigin}/api/distributions/${plan.id}/tree`);
    expect(plan.treeURI).not.toMatch(/evil\.test/);
    expect(plan.entitled).toBe(1);
    // Before it is anchored, the document is served but kept by no cache (the plan may never be signed).
    const { GET } = await import("@/app/api/distributions/[id]/tree/route");
    const early = await GET(new Request(plan.treeURI), { params: Promise.resolve({ id: plan.id }) });
    expect(early.headers.get("cache-control")).toBe("no-store");

    const amount = BigInt(plan.terms.amount);
    await tc.send(
      tc.wallet(devAccount(0)).writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "mint",
        args: [issuer.address, amount],
      }),
    );
    await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "approve",
        args: [d.distributor!, amount],
      }),
    );
    const receipt = await tc.send(
      tc.wallet(issuer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "createDistribution",
        args: [
          token,
          {
            kind: plan.terms.kind,
            amount,
            recordBlock: BigInt(plan.terms.recordBlock),
            claimDeadline: BigInt(plan.terms.claimDeadline),
            root: plan.terms.root as Hex,
            treeHash: plan.terms.treeHash as Hex,
            leafCount: BigInt(plan.terms.leafCount),
          },
          plan.treeURI,
        ],
      }),
    );
    const recorded = await recordDistributionAction({ id: plan.id, txHash: receipt.transactionHash });
    expect(recorded).toEqual({ ok: true, onChainId: "1" });

    signIn(holder.address, { verified: true });
    const mine = await myDistributionClaimsAction({});
    if (!mine.ok) throw new Error(mine.message);
    expect(mine.claims).toHaveLength(1);
    const c = mine.claims[0]!;
    expect(c.amount).toBe("12340000");
    await tc.send(
      tc.wallet(holder).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "claim",
        args: [BigInt(c.onChainId), BigInt(c.index), c.holder, BigInt(c.amount), c.proof as Hex[]],
      }),
    );
    expect(
      await tc.client.readContract({
        address: d.paymentToken,
        abi: hKDStablecoinAbi,
        functionName: "balanceOf",
        args: [holder.address],
      }),
    ).toBe(12_340_000n);

    const res = await GET(new Request(plan.treeURI), { params: Promise.resolve({ id: plan.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
    expect(sha256Hex(await res.text())).toBe(plan.terms.treeHash);
    const missing = await GET(new Request(plan.treeURI), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  }, 120_000);

  it("compliance's hold goes through the pipeline (registry agents only) and is audited; planning is rate-limited", async () => {
    const d = tc.deployments;
    const { recordDistributionHoldAction } = await import("@/components/compliance/distributions/actions");
    const { planDistributionAction } = await import("@/components/issuer/distribution-actions");
    const hold = await tc.send(
      tc.wallet(officer).writeContract({
        address: d.distributor!,
        abi: distributorAbi,
        functionName: "hold",
        args: [1n, true, "Investigation 7: pause claims"],
      }),
    );
    // An enforcement-only agent may not: the distributor lets the registry's agents hold.
    signIn(officer.address, { compliance: true, enforcementAgent: true });
    expect(await recordDistributionHoldAction({ onChainId: "1", txHash: hold.transactionHash })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    signIn(officer.address, { compliance: true, identityAgent: true });
    expect(await recordDistributionHoldAction({ onChainId: "1", txHash: hold.transactionHash })).toEqual({
      ok: true,
      held: true,
      reason: "Investigation 7: pause claims",
    });
    const { auditLog } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "distribution.hold"));
    expect(entry).toMatchObject({ actor: officer.address.toLowerCase(), txHash: hold.transactionHash.toLowerCase() });

    signIn(issuer.address, { issuer: true });
    const input = { token, kind: "income" as const, amount: "1000000", recordBlock: "now" as const, claimDays: 30 };
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await planDistributionAction(input));
    // One plan was made in the first test: the tenth of this window is refused, in words, with the wait.
    expect(results.filter((r) => r.ok)).toHaveLength(9);
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((results.at(-1) as { message: string }).message).toMatch(/Too many distributions prepared/);
  }, 120_000);
});
