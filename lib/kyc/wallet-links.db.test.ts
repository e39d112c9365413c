/**
 * Linking a second wallet against a real anvil chain and a real database: both signatures are checked, a wallet
 * already linked elsewhere is refused, the officer's transaction is verified (sender, target, call) and the link is
 * recorded only when the registry holds it; every step is in the audit chain.
 */
import { eq } from "drizzle-orm";
import { type Hex, keccak256, stringToHex } from "viem";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { devAccount, startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { auditLog, investors, investorWallets, walletLinkRequests } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";
import { getInvestorWallets } from "@/lib/investors";

const officer = devAccount(1);
const otherOfficer = devAccount(2);
const current = devAccount(5);
const fresh = devAccount(14);
const stranger = devAccount(15);
const taken = devAccount(16);
const onChainId = keccak256(stringToHex("investor-mei")) as Hex;
const ORIGIN = "http://localhost:3000";

let tc: TestChain;
let t: TestDatabase;
let links: typeof import("./wallet-links");
let investorId: string;

const send = async (hash: Promise<Hex>) => (await tc.send(hash)).transactionHash;
const registry = () => ({ address: tc.deployments.identityRegistry, abi: identityRegistryAbi }) as const;

beforeAll(async () => {
  tc = await startTestChain({ agents: [officer, otherOfficer] });
  const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
  const off = tc.wallet(officer);
  await send(
    off.writeContract({
      ...registry(),
      functionName: "registerInvestor",
      args: [current.address, onChainId, 344, 1, expiry],
    }),
  );
  await send(
    off.writeContract({
      ...registry(),
      functionName: "registerInvestor",
      args: [taken.address, keccak256(stringToHex("someone-else")), 344, 1, expiry],
    }),
  );

  // The module reads the chain through the server's client, configured from the environment.
  tc.serveToServer();
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
  await tc?.stop();
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

    // Check first, then ask: a wallet linked to another investor is refused before it is given anything to sign.
    const forTaken = await links.getNewWalletMessage(t.db, { id: requestId, ...ctx(), newWallet: taken.address });
    expect(forTaken).toEqual({ ok: false, code: "wallet_taken" });
    // And when a signature is presented anyway, it is refused too.
    const takenSig = await taken.signMessage({
      message: links.newWalletMessage(
        { id: requestId, nonce: "x", currentWallet: current.address, chainId: 31337, origin: ORIGIN },
        taken.address,
      ),
    });
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
    const planned = await links.planWalletLink(t.db, { id: requestId, officer: officer.address });
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.plan).toMatchObject({ wallet: fresh.address, investorId: onChainId, alreadyLinked: false });

    // Not linked on chain yet: no transaction to show.
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: null, officer: officer.address })).toEqual({
      ok: false,
      code: "not_linked_on_chain",
    });
    // A transaction of the other officer's, presented by this one.
    const unrelated = await send(
      tc.wallet(otherOfficer).writeContract({
        ...registry(),
        functionName: "linkWallet",
        args: [stranger.address, keccak256(stringToHex("someone-else"))],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: unrelated, officer: officer.address })).toEqual(
      { ok: false, code: "tx_wrong_sender" },
    );
    // The officer's own transaction, but not this link.
    const notThis = await send(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "unlinkWallet",
        args: [stranger.address],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: notThis, officer: officer.address })).toEqual({
      ok: false,
      code: "tx_not_link",
    });

    const hash = await send(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "linkWallet",
        args: [planned.plan.wallet, planned.plan.investorId],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id: requestId, txHash: hash, officer: officer.address })).toEqual({
      ok: true,
    });

    const [row] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, requestId));
    expect(row).toMatchObject({ status: "linked", decidedBy: officer.address.toLowerCase(), linkTxHash: hash });
    const wallets = await getInvestorWallets(t.db, { investorId });
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
    const [expiry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "wallet_link.expire"));
    expect(expiry).toMatchObject({
      actor: "system",
      subjectId: investorId,
      after: { status: "expired", requestId: r.request.id },
    });
    expect(
      await links.rejectWalletLink(t.db, { id: r.request.id, officer: officer.address, reason: "Not submitted" }),
    ).toEqual({ ok: false, code: "invalid_state" });
  });

  it("refuses, before any signature, a wallet already linked to this investor", async () => {
    const [investor] = await t.db.select().from(investors).where(eq(investors.id, investorId));
    const r = await links.startLinkRequest(t.db, {
      investor: investor!,
      wallet: current.address,
      chainId: 31337,
      origin: ORIGIN,
    });
    if (!r.ok) throw new Error(r.code);
    const signature = await current.signMessage({ message: r.request.currentMessage });
    expect(await links.signLinkAsCurrent(t.db, { id: r.request.id, ...ctx(), signature })).toEqual({ ok: true });
    expect(await links.getNewWalletMessage(t.db, { id: r.request.id, ...ctx(), newWallet: fresh.address })).toEqual({
      ok: false,
      code: "already_linked",
    });
    expect(await links.cancelLinkRequest(t.db, { id: r.request.id, investorId, wallet: current.address })).toEqual({
      ok: true,
    });
  });
});

describe("a link opened from the compliance console", () => {
  const invited = devAccount(17);
  let id: string;
  const start = (newWallet: string, by = officer.address) =>
    links.officerStartLinkRequest(t.db, { investorId, officer: by, newWallet, chainId: 31337, origin: ORIGIN });

  it("refuses, before anyone signs, a wallet of another investor or one already this investor's", async () => {
    expect(await start(taken.address)).toEqual({ ok: false, code: "wallet_taken" });
    expect(await start(fresh.address)).toEqual({ ok: false, code: "already_linked" });
    expect(
      await links.officerStartLinkRequest(t.db, {
        investorId: crypto.randomUUID(),
        officer: officer.address,
        newWallet: invited.address,
        chainId: 31337,
        origin: ORIGIN,
      }),
    ).toEqual({ ok: false, code: "investor_not_found" });
  });

  it("links nothing without the new wallet's signature", async () => {
    const r = await start(invited.address);
    if (!r.ok) throw new Error(r.code);
    id = r.request.id;
    expect(r.request).toMatchObject({ status: "awaiting_signatures", initiatedBy: officer.address.toLowerCase() });
    expect(r.request.newMessage).toContain(invited.address);
    // Neither officer can register it yet, even with the link already made on-chain by hand.
    expect(await links.planWalletLink(t.db, { id, officer: otherOfficer.address })).toEqual({
      ok: false,
      code: "invalid_state",
    });
    expect(await links.confirmWalletLink(t.db, { id, txHash: null, officer: otherOfficer.address })).toEqual({
      ok: false,
      code: "invalid_state",
    });
    expect(await getInvestorWallets(t.db, { investorId })).toHaveLength(2);
    // A `linkWallet` an officer sends outside a request is not accepted by the console's post-back either.
    const bare = await send(
      tc
        .wallet(officer)
        .writeContract({ ...registry(), functionName: "linkWallet", args: [devAccount(18).address, onChainId] }),
    );
    const { decodeAgentTx } = await import("@/lib/compliance/agent");
    expect(await decodeAgentTx({ txHash: bare, actor: officer.address })).toEqual({
      ok: false,
      code: "tx_not_agent_call",
    });
    // The investor's own flow cannot take the request over.
    const [investor] = await t.db.select().from(investors).where(eq(investors.id, investorId));
    expect(
      await links.startLinkRequest(t.db, {
        investor: investor!,
        wallet: current.address,
        chainId: 31337,
        origin: ORIGIN,
      }),
    ).toEqual({ ok: false, code: "officer_request_open" });
  });

  it("takes the signature of the named wallet only, signed in as that wallet", async () => {
    const [row] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id));
    const byStranger = await stranger.signMessage({ message: row!.newMessage! });
    expect(await links.signInvitedLink(t.db, { id, wallet: stranger.address, signature: byStranger })).toEqual({
      ok: false,
      code: "not_invited_wallet",
    });
    expect(await links.signInvitedLink(t.db, { id, wallet: invited.address, signature: byStranger })).toEqual({
      ok: false,
      code: "bad_signature",
    });
    expect(await links.getInvitationFor(t.db, { wallet: invited.address })).toMatchObject({ id });
    const signature = await invited.signMessage({ message: row!.newMessage! });
    expect(await links.signInvitedLink(t.db, { id, wallet: invited.address, signature })).toEqual({ ok: true });
    // Signed: still shown to the wallet's holder, as done and waiting for review.
    expect(await links.getInvitationFor(t.db, { wallet: invited.address })).toMatchObject({ id, status: "submitted" });
  });

  it("is registered by another officer than the one who opened it", async () => {
    expect(await links.planWalletLink(t.db, { id, officer: officer.address })).toEqual({
      ok: false,
      code: "same_officer",
    });
    const planned = await links.planWalletLink(t.db, { id, officer: otherOfficer.address });
    if (!planned.ok) throw new Error(planned.code);
    const hash = await send(
      tc.wallet(otherOfficer).writeContract({
        ...registry(),
        functionName: "linkWallet",
        args: [planned.plan.wallet, planned.plan.investorId],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id, txHash: hash, officer: otherOfficer.address })).toEqual({
      ok: true,
    });
    const wallets = await getInvestorWallets(t.db, { investorId });
    expect(wallets.map((w) => w.address)).toContain(invited.address.toLowerCase());
    const actions = await t.db
      .select({ action: auditLog.action, actor: auditLog.actor })
      .from(auditLog)
      .where(eq(auditLog.subjectId, investorId));
    expect(actions.slice(-3)).toEqual([
      { action: "wallet_link.officer_start", actor: officer.address.toLowerCase() },
      { action: "wallet_link.submit", actor: invited.address.toLowerCase() },
      { action: "wallet_link.approve", actor: otherOfficer.address.toLowerCase() },
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});

describe("a professional investor's new wallet", () => {
  // Linking gives the wallet professional status: the registry takes it from two officers only (issue 13).
  const proCurrent = devAccount(6);
  const proNew = devAccount(19);
  const proOnChainId = keccak256(stringToHex("investor-pro-wong")) as Hex;
  let proId: string;
  let id: string;
  const proCtx = () => ({
    investorId: proId,
    wallet: proCurrent.address.toLowerCase(),
    chainId: 31337,
    origin: ORIGIN,
  });

  it("is signed by both wallets as usual", async () => {
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
    await send(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "proposeRegistration",
        args: [proCurrent.address, proOnChainId, 344, 2, expiry],
      }),
    );
    await send(
      tc.wallet(otherOfficer).writeContract({
        ...registry(),
        functionName: "confirmProposal",
        args: [proOnChainId, proCurrent.address, 344, 2, expiry],
      }),
    );
    const [inv] = await t.db
      .insert(investors)
      .values({
        legalName: "Wong Professional",
        onChainId: proOnChainId,
        kycStatus: "approved",
        residence: "HK",
        category: "professional",
      })
      .returning();
    proId = inv!.id;
    await t.db
      .insert(investorWallets)
      .values({ address: proCurrent.address.toLowerCase(), investorId: proId, isPrimary: true });
    const r = await links.startLinkRequest(t.db, {
      investor: inv!,
      wallet: proCurrent.address,
      chainId: 31337,
      origin: ORIGIN,
    });
    if (!r.ok) throw new Error(r.code);
    id = r.request.id;
    const signature = await proCurrent.signMessage({ message: r.request.currentMessage });
    expect(await links.signLinkAsCurrent(t.db, { id, ...proCtx(), signature })).toEqual({ ok: true });
    const m = await links.getNewWalletMessage(t.db, { id, ...proCtx(), newWallet: proNew.address });
    if (!m.ok) throw new Error(m.code);
    const newSig = await proNew.signMessage({ message: m.message });
    expect(await links.signLinkAsNew(t.db, { id, ...proCtx(), newWallet: proNew.address, signature: newSig })).toEqual({
      ok: true,
    });
  });

  it("cannot be linked by one officer: the first proposes on-chain, the request stays open", async () => {
    const planned = await links.planWalletLink(t.db, { id, officer: officer.address });
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.plan).toMatchObject({ call: "proposeLink", wallet: proNew.address, alreadyLinked: false });
    // The registry refuses a plain link by one officer.
    await expect(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "linkWallet",
        args: [proNew.address, proOnChainId],
      }),
    ).rejects.toThrow();
    const hash = await send(
      tc.wallet(officer).writeContract({
        ...registry(),
        functionName: "proposeLink",
        args: [proNew.address, proOnChainId],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id, txHash: hash, officer: officer.address })).toEqual({
      ok: true,
      proposed: true,
    });
    const [row] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id));
    expect(row).toMatchObject({ status: "submitted" });
    expect(await links.readWalletsVerified([proNew.address])).toEqual({ [proNew.address.toLowerCase()]: false });
    // The same officer cannot go on to confirm it.
    expect(await links.planWalletLink(t.db, { id, officer: officer.address })).toEqual({
      ok: false,
      code: "link_proposed_by_you",
    });
    expect(await links.confirmWalletLink(t.db, { id, txHash: null, officer: officer.address })).toEqual({
      ok: false,
      code: "link_proposed_by_you",
    });
  });

  it("is linked when a second officer confirms it on-chain", async () => {
    const planned = await links.planWalletLink(t.db, { id, officer: otherOfficer.address });
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.plan).toMatchObject({ call: "confirmLink", wallet: proNew.address });
    const hash = await send(
      tc.wallet(otherOfficer).writeContract({
        ...registry(),
        functionName: "confirmLink",
        args: [proNew.address, proOnChainId],
      }),
    );
    expect(await links.confirmWalletLink(t.db, { id, txHash: hash, officer: otherOfficer.address })).toEqual({
      ok: true,
    });
    const [row] = await t.db.select().from(walletLinkRequests).where(eq(walletLinkRequests.id, id));
    expect(row).toMatchObject({ status: "linked", decidedBy: otherOfficer.address.toLowerCase(), linkTxHash: hash });
    expect(await links.readWalletsVerified([proNew.address])).toEqual({ [proNew.address.toLowerCase()]: true });
    const actions = await t.db
      .select({ action: auditLog.action, actor: auditLog.actor })
      .from(auditLog)
      .where(eq(auditLog.subjectId, proId));
    expect(actions.slice(-2)).toEqual([
      { action: "wallet_link.propose", actor: officer.address.toLowerCase() },
      { action: "wallet_link.approve", actor: otherOfficer.address.toLowerCase() },
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
