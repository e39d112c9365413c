import type { Account, Address, Hex } from "viem";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { NO_ROLES, type Roles, type Session } from "@/lib/auth";
import { identityRegistryAbi } from "@/lib/chain/abis";
import { startTestChain, type TestChain } from "@/lib/chain/local/test-chain";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { resetServerEnv } from "@/lib/env";

export type ActionHarness = {
  /** What the mocked `getSession` answers (null: signed out; reset before each test). */
  session: Session | null;
  /** What a mocked `getRoles` answers (reset to none before each test). */
  roles: Roles;
  /** The test database (PGlite), open from the harness's `beforeAll` to its `afterAll`. */
  readonly t: TestDatabase;
  /** The anvil chain served to the server code (only when the harness was asked for one). */
  readonly tc: TestChain;
  /** Signs `address` in for the next requests, with these roles (a registered wallet unless told). */
  signInAs: (address: Address, roles?: Partial<Roles>) => void;
  /** Sends a transaction and waits for its receipt: its hash. */
  send: (hash: Promise<Hex>) => Promise<Hex>;
  /** The identity registry's address and ABI, for `writeContract` and `simulateContract`. */
  registry: () => { address: Address; abi: typeof identityRegistryAbi };
};

/**
 * The set-up the server-side tests of signed-in actions share (test support, not production code): a session and
 * roles that the test's mocks answer, a PGlite database that its `@/lib/db` mock answers, and on request a real anvil
 * (`chain`: its agents and issuers) served to the server code, with the registry and a sender that waits for the
 * receipt. Registers its own `beforeAll` (chain, then database), `beforeEach` (signed out) and `afterAll` (env, database,
 * chain). Vitest hoists `vi.mock` in the test file only, so the mocks stay there and read the harness:
 *
 *   const h = actionHarness({ chain: { agents: [officer] } });
 *   vi.mock("@/lib/db", () => ({ getDb: async () => h.t.db }));
 *   vi.mock("@/lib/auth/session", () => ({ getSession: async () => h.session }));
 */
export function actionHarness({ chain }: { chain?: { agents?: Account[]; issuers?: Account[] } } = {}): ActionHarness {
  let database: TestDatabase | undefined;
  let testChain: TestChain | undefined;
  const h: ActionHarness = {
    session: null,
    roles: NO_ROLES,
    get t() {
      if (!database) throw new Error("the harness's database opens in its beforeAll");
      return database;
    },
    get tc() {
      if (!testChain) throw new Error("no chain: ask actionHarness({ chain }) for one");
      return testChain;
    },
    signInAs: (address, roles = {}) => {
      h.session = { address, expiresAt: new Date(Date.now() + 3_600_000), jti: `j-${address}` };
      h.roles = { ...NO_ROLES, registered: true, ...roles };
    },
    send: async (hash) => (await h.tc.send(hash)).transactionHash,
    registry: () => ({ address: h.tc.deployments.identityRegistry, abi: identityRegistryAbi }),
  };
  beforeAll(async () => {
    if (chain) {
      testChain = await startTestChain(chain);
      testChain.serveToServer();
    }
    database = await createTestDatabase();
  }, 180_000);
  beforeEach(() => {
    h.session = null;
    h.roles = NO_ROLES;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    resetServerEnv();
    await database?.close();
    await testChain?.stop();
  });
  return h;
}
