import { afterEach, describe, expect, it, vi } from "vitest";

const derive = vi.hoisted(() => ({ calls: 0 }));
vi.mock("server-only", () => ({}));
vi.mock("viem/accounts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("viem/accounts")>();
  return {
    ...actual,
    mnemonicToAccount: (...args: Parameters<typeof actual.mnemonicToAccount>) => {
      derive.calls++;
      return actual.mnemonicToAccount(...args);
    },
  };
});
const env = vi.hoisted(() => ({ chainId: 31337 }));
vi.mock("@/lib/env", () => ({
  getServerEnv: () => env,
  isLocalChain: (e: { chainId: number }) => e.chainId === 31337,
}));

const { getDemoAccounts } = await import("./accounts");
const { people } = await import("./people");

afterEach(() => {
  env.chainId = 31337;
});

describe("demo accounts", () => {
  it("derive each person's address once per process, however many pages ask", () => {
    const first = getDemoAccounts();
    expect(first).toHaveLength(people.length);
    expect(first[0]?.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    for (let i = 0; i < 5; i++) expect(getDemoAccounts()).toEqual(first);
    // A wallet page's layout reads the list on every request: the PBKDF2 behind each derivation must not repeat.
    expect(derive.calls).toBe(people.length);
  });

  it("hand each caller its own list (a caller that changes it changes nothing for the next)", () => {
    const a = getDemoAccounts();
    a.pop();
    expect(getDemoAccounts()).toHaveLength(people.length);
  });

  it("are empty on any chain but the local one", () => {
    env.chainId = 1;
    expect(getDemoAccounts()).toEqual([]);
  });
});
