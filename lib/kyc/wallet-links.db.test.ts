/**
 * Linking a second wallet against a real anvil chain and a real database: both signatures are checked, a wallet
 * already linked elsewhere is refused, the officer's transaction is verified (sender, target, call) and the link is
 * recorded only when the registry holds it; every step is in the audit chain.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import {
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  stringToHex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { deployAtelier } from "@/lib/chain/deploy";
import type { Deployments } from "@/lib/chain/deployments";
import { startAnvil, type LocalChain } from "@/lib/chain/local/anvil";
import { auditLog, investors, investorWallets, walletLinkRequests } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";

const MNEMONIC = "test test test test test test test test test test test junk";
const acct = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i });
const admin = acct(0);
const officer = acct(1);
const otherOfficer = acct(2);
const current = acct(5);
const fresh = acct(14);
const stranger = acct(15);
const taken = acct(16);
const onChainId = keccak256(stringToHex("investor-mei")) as Hex;
const ORIGIN = "http://localhost:3000";

let chain: LocalChain;
let t: TestDatabase;
let d: Deployments;
let client: PublicClient;
let links: typeof import("./wallet-links");
let investorId: string;

const wallet = (a: ReturnType<typeof acct>) =>
  createWalletClient({ account: a, chain: foundry, transport: http(chain.url) });
async function send(p: Promise<Hex>) {
  const hash = await p;
  const receipt = await client.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return hash;
}

beforeAll(async () => {
  chain = await startAnvil({ port: 41_000 + Math.floor(Math.random() * 9_000) });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atelier-links-")), "31337.json");
  d = await deployAtelier({ rpcUrl: chain.url, chainId: 31337, account: admin, file });
  client = createPublicClient({ chain: foundry, transport: http(chain.url) }) as PublicClient;
  const agentRole = keccak256(stringToHex("AGENT_ROLE"));
  for (const o of [officer, otherOfficer])
    await send(
      wallet(admin).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "grantRole",
        args: [agentRole, o.address],
      }),
    );
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  await send(
    wallet(officer).writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "registerInvestor",
      args: [current.address, onChainId, 344, 1, expiry],
    }),
  );
  await send(
    wallet(officer).writeContract({
      address: d.identityRegistry,
      abi: identityRegistryAbi,
      functionName: "registerInvestor",
      args: [taken.address, keccak256(stringToHex("someone-else")), 344, 1, expiry],
    }),
  );

  // The module reads the chain through the server's client, configured from the environment.
  vi.stubEnv("RPC_URL", chain.url);
  vi.stubEnv("CHAIN_ID", "31337");
  vi.stubEnv("DEPLOYMENTS_FILE", file);
  resetServerEnv();
  const g = globalThis as Record<string, unknown>;
  delete g.__atelierPublicClient;
  delete g.__atelierDeployments;
  links = await import("./wallet-links");

  t = await createTestDatabase();
  const [inv] = await t.db
    .insert(investors)
    .values({ legalName: "Mei Chan", onChainId, kycStatus: "approved", residence: "HK", category: "retail" })
    .returning();
  investorId = inv!.id;
  await t.db.insert(investorWallets).values({ address: current.address.toLowerCase(), investorId, isPrimary: true });
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetServerEnv();
  await t?.close();
  await chain?.stop();
});

const ctx = () => ({ investorId, wallet: current.address.toLowerCase(), chainId: 31337, origin: ORIGIN });

describe("wallet links", () => {
  let requestId: string;

  it("opens one request per investor, and resumes it", async () => {
    const [investor] = await t.db.select().from(investors).where(eq(investors.id, investorId));
    const a = await links.startLinkRequest(t.db, {
      investor: investor!,
      wallet: current.address,
      chainId: 31337,
      origin: ORIGIN,
    });
    const b = await links.startLinkRequest(t.db, {
      investor: investor!,
      wallet: current.address,
      chainId: 31337,
      origin: ORIGIN,
    });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.request.id).toBe(a.request.id);
    expect(a.request.currentMessage).toContain(current.address);
    expect(a.request.currentMessage).toContain(a.request.id);
    requestId = a.request.id;
  });

  it("needs the current wallet's own signature first", async () => {
    const [request] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, requestId));
    const early = await links.getNewWalletMessage(t.db, { id: requestId, ...ctx(), newWallet: fresh.address });
    expect(early).toEqual({ ok: false, code: "current_not_signed" });
    const forged = await stranger.signMessage({ message: request!.currentMessage });
    expect(await links.signLinkAsCurrent(t.db, { id: requestId, ...ctx(), signature: forged })).toEqual({
      ok: false,
      code: "bad_signature",
    });
    const other = { ...ctx(), investorId: crypto.randomUUID() };
    expect(await links.signLinkAsCurrent(t.db, { id: requestId, ...other, signature: forged })).toEqual({
      ok: false,
      code: "not_yours",
    });
    const signature = await current.signMessage({ message: request!.currentMessage });
    expect(await links.signLinkAsCurrent(t.db, { id: requestId, ...ctx(), signature })).toEqual({ ok: true });
  });

  it("refuses the same wallet, a wallet linked elsewhere and a signature by anyone but the new wallet", async () => {
    const same = await links.getNewWalletMessage(t.db, { id: requestId, ...ctx(), newWallet: current.address });
    expect(same).toEqual({ ok: false, code: "same_wallet" });

    const forTaken = await links.getNewWalletMessage(t.db, { id: requestId, ...ctx(), newWallet: taken.address });
    if (!forTaken.ok) throw new Error("message expected");
    const takenSig = await taken.signMessage({ message: forTaken.message });
    expect(
      await links.signLinkAsNew(t.db, { id: requestId, ...ctx(), newWallet: taken.address, signature: takenSig }),
    ).toEqual({ ok: false, code: "wallet_taken" });

    const m = await links.getNewWalletMessage(t.db, { id: requestId, ...ctx(), newWallet: fresh.address });
    if (!m.ok) throw new Error("message expected");
    expect(m.message).toContain(fresh.address);
    expect(m.message).toContain(current.address);
    const wrong = await stranger.signMessage({ message: m.message });
    expect(
      await links.signLinkAsNew(t.db, { id: requestId, ...ctx(), newWallet: fresh.address, signature: wrong }),
    ).toEqual({ ok: false, code: "bad_signature" });
    const good = await fresh.signMessage({ message: m.message });
    expect(
      await links.signLinkAsNew(t.db, { id: requestId, ...ctx(), newWallet: fresh.address, signature: good }),
    ).toEqual({ ok: true });
    const [row] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, requestId));
    expect(row).toMatchObject({ status: "submitted", newWallet: fresh.address.toLowerCase() });
  });

  it("registers only a verified link: another officer's transaction or another call is refused, the right one recorded", async () => {
    const planned = await links.planWalletLink(t.db, { id: requestId });
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.plan).toMatchObject({ wallet: fresh.address, investorId: onChainId, alreadyLinked: false });

    // Not linked on chain yet: no transaction to show.
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: null, officer: officer.address })).toEqual({
      ok: false,
      code: "not_linked_on_chain",
    });
    // A transaction of the other officer's, presented by this one.
    const unrelated = await send(
      wallet(otherOfficer).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "linkWallet",
        args: [stranger.address, keccak256(stringToHex("someone-else"))],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: unrelated, officer: officer.address })).toEqual(
      { ok: false, code: "tx_wrong_sender" },
    );
    // The officer's own transaction, but not this link.
    const notThis = await send(
      wallet(officer).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "unlinkWallet",
        args: [stranger.address],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: notThis, officer: officer.address })).toEqual({
      ok: false,
      code: "tx_not_link",
    });

    const hash = await send(
      wallet(officer).writeContract({
        address: d.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "linkWallet",
        args: [planned.plan.wallet, planned.plan.investorId],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: hash, officer: officer.address })).toEqual({
      ok: true,
    });

    const [row] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, requestId));
    expect(row).toMatchObject({ status: "linked", decidedBy: officer.address.toLowerCase(), linkTxHash: hash });
    const wallets = await links.getInvestorWallets(t.db, { investorId });
    expect(wallets.map((w) => w.address).sort()).toEqual(
      [current.address.toLowerCase(), fresh.address.toLowerCase()].sort(),
    );
    expect(await links.readWalletsVerified([fresh.address])).toEqual({ [fresh.address.toLowerCase()]: true });
    // Confirming again is refused: the request has been decided.
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: hash, officer: officer.address })).toEqual({
      ok: false,
      code: "invalid_state",
    });
  });

  it("audits every step in the hash chain", async () => {
    const rows = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, investorId));
    expect(rows.map((r) => r.action)).toEqual([
      "wallet_link.start",
      "wallet_link.sign_current",
      "wallet_link.submit",
      "wallet_link.approve",
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("expires a request left unsigned; only a submitted request can be rejected", async () => {
    const [investor] = await t.db.select().from(investors).where(eq(investors.id, investorId));
    const later = new Date(Date.now() + links.LINK_SIGN_TTL_MS + 60_000);
    const r = await links.startLinkRequest(t.db, {
      investor: investor!,
      wallet: current.address,
      chainId: 31337,
      origin: ORIGIN,
    });
    if (!r.ok) throw new Error(r.code);
    const open = await links.getInvestorLinkRequests(t.db, { investorId, now: later });
    expect(open.open).toBeNull();
    expect(open.recent[0]).toMatchObject({ id: r.request.id, status: "expired" });
    expect(
      await links.rejectWalletLink(t.db, { id: r.request.id, officer: officer.address, reason: "Not submitted" }),
    ).toEqual({ ok: false, code: "invalid_state" });
  });
});
