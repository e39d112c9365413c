import { sql } from "drizzle-orm";
import { serializeErc6492Signature } from "viem";
import { createSiweMessage } from "viem/siwe";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { SignInError, type SignInErrorCode } from "./errors";
import { isSessionRevoked, revokeAllSessions, revokeSession } from "./revocations";
import { buildSignInMessage } from "./siwe-message";
import { createNonce, deleteExpiredNonces, NONCE_TTL_MS, verifySignIn } from "./siwe";
import { createSessionToken, IDLE_TIMEOUT_SECONDS, refreshSessionToken, verifySessionToken } from "./tokens";

const ORIGIN = "http://localhost:3000";
const CHAIN_ID = 31337;
const options = { expectedOrigin: ORIGIN, expectedChainId: CHAIN_ID };
const alice = privateKeyToAccount(generatePrivateKey());
const mallory = privateKeyToAccount(generatePrivateKey());

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function signedMessage(overrides: { origin?: string; chainId?: number; now?: Date; nonce?: string } = {}) {
  const nonce = overrides.nonce ?? (await createNonce(t.db)).nonce;
  const message = buildSignInMessage({
    address: alice.address,
    chainId: overrides.chainId ?? CHAIN_ID,
    nonce,
    origin: overrides.origin ?? ORIGIN,
    now: overrides.now,
  });
  return { nonce, message, signature: await alice.signMessage({ message }) };
}

async function expectCode(promise: Promise<unknown>, code: SignInErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  expect((error as SignInError).code).toBe(code);
}

describe("verifySignIn", () => {
  it("accepts a valid sign-in and returns the lowercase address", async () => {
    const { message, signature, nonce } = await signedMessage();
    const result = await verifySignIn(t.db, { message, signature }, options);
    expect(result.address).toBe(alice.address.toLowerCase());
    const rows = await t.db.execute(sql`SELECT used_at, address FROM siwe_nonces WHERE nonce = ${nonce}`);
    expect(rows.rows[0]).toMatchObject({ address: alice.address.toLowerCase() });
  });

  it("refuses a replayed nonce", async () => {
    const signed = await signedMessage();
    await verifySignIn(t.db, signed, options);
    await expectCode(verifySignIn(t.db, signed, options), "nonce_used");
  });

  it("lets only one of two concurrent uses of a nonce succeed", async () => {
    const signed = await signedMessage();
    const results = await Promise.allSettled([
      verifySignIn(t.db, signed, options),
      verifySignIn(t.db, signed, options),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses an unknown nonce", async () => {
    await expectCode(verifySignIn(t.db, await signedMessage({ nonce: "abcdefgh12345678" }), options), "nonce_invalid");
  });

  it("refuses an expired nonce", async () => {
    const issued = new Date(Date.now() - NONCE_TTL_MS - 1000);
    const { nonce } = await createNonce(t.db, { now: issued });
    await expectCode(verifySignIn(t.db, await signedMessage({ nonce }), options), "nonce_expired");
    expect(await deleteExpiredNonces(t.db)).toBeGreaterThanOrEqual(1);
  });

  it("refuses a nonce bound to another wallet", async () => {
    const { nonce } = await createNonce(t.db, { address: mallory.address });
    await expectCode(verifySignIn(t.db, await signedMessage({ nonce }), options), "nonce_invalid");
  });

  it("refuses a message for another domain", async () => {
    await expectCode(
      verifySignIn(t.db, await signedMessage({ origin: "http://evil.example:3000" }), options),
      "domain_mismatch",
    );
  });

  it("refuses a message for another scheme or port", async () => {
    await expectCode(
      verifySignIn(t.db, await signedMessage({ origin: "https://localhost:3000" }), options),
      "domain_mismatch",
    );
    await expectCode(
      verifySignIn(t.db, await signedMessage({ origin: "http://localhost:3001" }), options),
      "domain_mismatch",
    );
  });

  it("refuses a uri on another origin even with the right domain", async () => {
    const { nonce } = await createNonce(t.db);
    const message = createSiweMessage({
      address: alice.address,
      chainId: CHAIN_ID,
      domain: "localhost:3000",
      uri: "http://evil.example/",
      nonce,
      version: "1",
      issuedAt: new Date(),
    });
    await expectCode(
      verifySignIn(t.db, { message, signature: await alice.signMessage({ message }) }, options),
      "uri_mismatch",
    );
  });

  it("refuses a message for another chain", async () => {
    await expectCode(verifySignIn(t.db, await signedMessage({ chainId: 1 }), options), "chain_mismatch");
  });

  it("refuses an expired message", async () => {
    const signed = await signedMessage({ now: new Date(Date.now() - 6 * 60 * 1000) });
    await expectCode(verifySignIn(t.db, signed, options), "expired");
  });

  it("refuses a message issued in the future", async () => {
    const signed = await signedMessage({ now: new Date(Date.now() + 10 * 60 * 1000) });
    await expectCode(verifySignIn(t.db, signed, options), "not_yet_valid");
  });

  it("refuses a forged signature and keeps the nonce usable", async () => {
    const { message, signature } = await signedMessage();
    const forged = await mallory.signMessage({ message });
    await expectCode(verifySignIn(t.db, { message, signature: forged }, options), "bad_signature");
    await expectCode(verifySignIn(t.db, { message, signature: "0x1234" }, options), "bad_signature");
    await expect(verifySignIn(t.db, { message, signature }, options)).resolves.toBeTruthy();
  });

  it("accepts a contract-wallet signature through the fallback", async () => {
    const { message } = await signedMessage();
    const result = await verifySignIn(
      t.db,
      { message, signature: "0xdeadbeef" },
      {
        ...options,
        isContractAccount: async (address) => address === alice.address,
        verifyContractSignature: async ({ address }) => address === alice.address,
      },
    );
    expect(result.address).toBe(alice.address.toLowerCase());
  });

  it("checks the nonce before asking the chain about a signature that does not recover", async () => {
    const chainCalls: string[] = [];
    const spying = {
      ...options,
      isContractAccount: async () => {
        chainCalls.push("getCode");
        return true;
      },
      verifyContractSignature: async () => {
        chainCalls.push("eth_call");
        return false;
      },
    };
    const unknown = await signedMessage({ nonce: "abcdefgh12345678" });
    await expectCode(verifySignIn(t.db, { ...unknown, signature: "0xdeadbeef" }, spying), "nonce_invalid");
    const used = await signedMessage();
    await verifySignIn(t.db, used, options);
    await expectCode(verifySignIn(t.db, { ...used, signature: "0xdeadbeef" }, spying), "nonce_used");
    expect(chainCalls).toEqual([]);
  });

  it("asks the chain only for a contract account or an ERC-6492-wrapped signature", async () => {
    const calls: string[] = [];
    const withCode = (hasCode: boolean) => ({
      ...options,
      isContractAccount: async () => hasCode,
      verifyContractSignature: async ({ signature }: { signature: string }) => {
        calls.push(signature);
        return false;
      },
    });
    // A plain wallet (no code) whose signature does not recover: refused locally, no eth_call.
    await expectCode(
      verifySignIn(t.db, { ...(await signedMessage()), signature: "0xdeadbeef" }, withCode(false)),
      "bad_signature",
    );
    expect(calls).toEqual([]);
    // No way to tell contract accounts: no fallback at all.
    await expectCode(
      verifySignIn(
        t.db,
        { ...(await signedMessage()), signature: "0xdeadbeef" },
        { ...options, verifyContractSignature: async () => true },
      ),
      "bad_signature",
    );
    // A deployed contract wallet: asked.
    await expectCode(
      verifySignIn(t.db, { ...(await signedMessage()), signature: "0xdeadbeef" }, withCode(true)),
      "bad_signature",
    );
    expect(calls).toEqual(["0xdeadbeef"]);
    // A counterfactual wallet (no code yet) with an ERC-6492-wrapped signature: asked.
    const wrapped = serializeErc6492Signature({ address: mallory.address, data: "0x1234", signature: "0xdeadbeef" });
    await expectCode(
      verifySignIn(t.db, { ...(await signedMessage()), signature: wrapped }, withCode(false)),
      "bad_signature",
    );
    expect(calls).toEqual(["0xdeadbeef", wrapped]);
  });

  it.each([
    ["Issued At", "not-a-date"],
    ["Issued At", "2026-13-45T99:00:00Z"],
    ["Expiration Time", "never"],
    ["Expiration Time", "Tue Dec 01 2099"],
    ["Not Before", "soon"],
  ])("refuses a message whose %s is %s", async (label, value) => {
    const { message } = await signedMessage();
    const line = new RegExp(`^${label}: .*$`, "m");
    const tampered = line.test(message)
      ? message.replace(line, `${label}: ${value}`)
      : `${message}\n${label}: ${value}`;
    await expectCode(
      verifySignIn(t.db, { message: tampered, signature: await alice.signMessage({ message: tampered }) }, options),
      "malformed",
    );
  });

  it("refuses garbage", async () => {
    await expectCode(verifySignIn(t.db, { message: "hello", signature: "0x00" }, options), "malformed");
    await expectCode(verifySignIn(t.db, { message: "hello", signature: "nope" }, options), "malformed");
  });
});

describe("sessions", () => {
  const secret = "x".repeat(48);

  it("round-trips a session token", async () => {
    const session = await createSessionToken({ address: alice.address, secret });
    const claims = await verifySessionToken({ token: session.token, secret });
    expect(claims).toMatchObject({ address: alice.address.toLowerCase(), jti: session.jti });
    expect(claims!.expiresAt.getTime() - claims!.issuedAt.getTime()).toBe(8 * 60 * 60 * 1000);
  });

  it("refuses a tampered, foreign or expired token", async () => {
    const { token } = await createSessionToken({ address: alice.address, secret });
    const [header, payload, sig] = token.split(".") as [string, string, string];
    const evil = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, "base64url").toString()),
        sub: mallory.address.toLowerCase(),
      }),
    ).toString("base64url");
    expect(await verifySessionToken({ token: `${header}.${evil}.${sig}`, secret })).toBeNull();
    expect(await verifySessionToken({ token: `${header}.${payload}.${sig.slice(0, -2)}AA`, secret })).toBeNull();
    expect(await verifySessionToken({ token, secret: "y".repeat(48) })).toBeNull();
    expect(await verifySessionToken({ token, secret, now: new Date(Date.now() + 9 * 60 * 60 * 1000) })).toBeNull();
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    expect(await verifySessionToken({ token: none, secret })).toBeNull();
    expect(await verifySessionToken({ token: "garbage", secret })).toBeNull();
  });

  it("refuses a revoked session", async () => {
    const session = await createSessionToken({ address: alice.address, secret });
    expect(await isSessionRevoked(t.db, { jti: session.jti })).toBe(false);
    await revokeSession(t.db, { jti: session.jti, expiresAt: session.expiresAt });
    await revokeSession(t.db, { jti: session.jti, expiresAt: session.expiresAt });
    expect(await isSessionRevoked(t.db, { jti: session.jti })).toBe(true);
  });

  it("refuses a session left idle longer than the idle timeout; activity keeps it alive", async () => {
    const start = new Date("2026-12-05T01:00:00Z");
    const session = await createSessionToken({ address: alice.address, secret, now: start });
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const idle = IDLE_TIMEOUT_SECONDS / 60;
    expect(idle).toBeLessThanOrEqual(30);
    expect(await verifySessionToken({ token: session.token, secret, now: at(idle - 1) })).not.toBeNull();
    expect(await verifySessionToken({ token: session.token, secret, now: at(idle + 1) })).toBeNull();
    // A request at idle-1 refreshes the activity time: the same session (jti, expiry) lives on.
    const claims = await verifySessionToken({ token: session.token, secret, now: at(idle - 1) });
    const refreshed = await refreshSessionToken({ claims: claims!, secret, now: at(idle - 1) });
    const later = await verifySessionToken({ token: refreshed, secret, now: at(2 * idle - 2) });
    expect(later).toMatchObject({ jti: session.jti, expiresAt: session.expiresAt, issuedAt: session.issuedAt });
    // The absolute lifetime still ends the session, however active.
    let token = session.token;
    for (let m = idle - 1; m < 8 * 60; m += idle - 1) {
      const c = await verifySessionToken({ token, secret, now: at(m) });
      if (!c) break;
      token = await refreshSessionToken({ claims: c, secret, now: at(m) });
    }
    expect(await verifySessionToken({ token, secret, now: at(8 * 60 + 1) })).toBeNull();
  });

  it("'sign out everywhere' refuses every earlier session of that wallet, not later ones or other wallets'", async () => {
    const t0 = new Date("2026-12-05T02:00:00Z");
    const phone = await createSessionToken({ address: alice.address, secret, now: t0 });
    const laptop = await createSessionToken({ address: alice.address, secret, now: new Date(t0.getTime() + 60_000) });
    const other = await createSessionToken({ address: mallory.address, secret, now: t0 });
    await revokeAllSessions(t.db, { address: alice.address, now: new Date(t0.getTime() + 120_000) });
    expect(await isSessionRevoked(t.db, phone)).toBe(true);
    expect(await isSessionRevoked(t.db, laptop)).toBe(true);
    expect(await isSessionRevoked(t.db, other)).toBe(false);
    const after = await createSessionToken({ address: alice.address, secret, now: new Date(t0.getTime() + 180_000) });
    expect(await isSessionRevoked(t.db, after)).toBe(false);
  });
});
