import { sql } from "drizzle-orm";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";

let t: TestDatabase;
let peer = "203.0.113.5";
const cookieJar = new Map<string, string>();

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-atelier-peer": peer, "x-forwarded-for": "1.1.1.1" }),
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: ({ name }: { name: string }) => void cookieJar.delete(name),
  }),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
// The chain says: no role, not registered (a self-made wallet).
vi.mock("./roles", () => ({
  getRoles: async () => ({ admin: false, compliance: false, issuer: false, registered: false, verified: false }),
}));

const session = await import("./session");
const { RATE_LIMITS, RateLimitedError } = await import("@/lib/rate-limit");
const { SignInError } = await import("./errors");
const { buildSignInMessage } = await import("./siwe-message");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("sign-in rate limits", () => {
  it("refuses nonces past the per-IP limit, and counts the socket's address, not X-Forwarded-For", async () => {
    peer = "203.0.113.5";
    for (let i = 0; i < RATE_LIMITS.nonce.limit; i++) await session.createSignInNonce();
    await expect(session.createSignInNonce()).rejects.toBeInstanceOf(RateLimitedError);
    peer = "203.0.113.6";
    await expect(session.createSignInNonce()).resolves.toHaveProperty("nonce");
  });

  it("counts failed sign-ins per IP", async () => {
    peer = "198.51.100.7";
    const wallet = privateKeyToAccount(generatePrivateKey()).address;
    const message = `localhost:3000 wants you to sign in with your Ethereum account:\n${wallet}\n\nURI: http://localhost:3000\nVersion: 1\nChain ID: 31337\nNonce: abcdefgh12345678\nIssued At: ${new Date().toISOString()}`;
    for (let i = 0; i < RATE_LIMITS.signIn.limit; i++) {
      await expect(session.signIn({ message, signature: "0x1234" })).rejects.toBeInstanceOf(SignInError);
    }
    const error = await session.signIn({ message, signature: "0x1234" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as InstanceType<typeof RateLimitedError>).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("bad attempts naming a wallet, from many IPs, do not lock that wallet out", async () => {
    const victim = privateKeyToAccount(generatePrivateKey());
    const forged = `localhost:3000 wants you to sign in with your Ethereum account:\n${victim.address}\n\nURI: http://localhost:3000\nVersion: 1\nChain ID: 31337\nNonce: abcdefgh12345678\nIssued At: ${new Date().toISOString()}`;
    for (let i = 0; i <= RATE_LIMITS.signIn.limit + RATE_LIMITS.nonce.limit; i++) {
      peer = `198.18.0.${i}`;
      await expect(session.signIn({ message: forged, signature: "0x1234" })).rejects.toBeInstanceOf(SignInError);
      await session.createSignInNonce({ address: victim.address });
    }
    peer = "198.18.1.1";
    const { nonce } = await session.createSignInNonce({ address: victim.address });
    const message = buildSignInMessage({
      address: victim.address,
      chainId: 31337,
      nonce,
      origin: "http://localhost:3000",
    });
    const signed = await session.signIn({ message, signature: await victim.signMessage({ message }) });
    expect(signed.address).toBe(victim.address.toLowerCase());
  });

  it("counts verified sign-ins per wallet, whatever the IP", async () => {
    const wallet = privateKeyToAccount(generatePrivateKey());
    const attempt = async (i: number) => {
      peer = `192.0.2.${i}`;
      const { nonce } = await session.createSignInNonce({ address: wallet.address });
      const message = buildSignInMessage({
        address: wallet.address,
        chainId: 31337,
        nonce,
        origin: "http://localhost:3000",
      });
      return session.signIn({ message, signature: await wallet.signMessage({ message }) });
    };
    for (let i = 0; i < RATE_LIMITS.signIn.limit; i++) await attempt(i);
    await expect(attempt(200)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("a self-made wallet signs in and out without leaving a permanent audit row", async () => {
    peer = "192.0.2.77";
    const wallet = privateKeyToAccount(generatePrivateKey());
    const count = async () => Number((await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n);
    const before = await count();
    const { nonce } = await session.createSignInNonce();
    const message = buildSignInMessage({
      address: wallet.address,
      chainId: 31337,
      nonce,
      origin: "http://localhost:3000",
    });
    const signed = await session.signIn({ message, signature: await wallet.signMessage({ message }) });
    expect(signed.address).toBe(wallet.address.toLowerCase());
    expect(cookieJar.size).toBe(1);
    await session.signOut();
    expect(await count()).toBe(before);
  });
});
