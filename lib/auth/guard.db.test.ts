import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import { AuthError } from "./errors";
import { NO_ROLES, type Roles } from "./roles";

let t: TestDatabase;
const state: {
  session: { address: `0x${string}`; expiresAt: Date; jti: string } | null;
  roles: Roles;
  chainDown?: boolean;
} = {
  session: null,
  roles: NO_ROLES,
};

vi.mock("@/lib/db", () => ({ getDb: async () => t.db }));
vi.mock("./session", () => ({ getSession: async () => state.session }));
vi.mock("./roles", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./roles")>()),
  getRoles: async () => {
    if (state.chainDown) throw new Error("chain down");
    return state.roles;
  },
}));

const { requireRegisteredPageSession, requireSession } = await import("./guard");
const { RATE_LIMITS } = await import("@/lib/rate-limit");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  state.session = null;
  state.roles = NO_ROLES;
  state.chainDown = false;
});

const issuer = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
const refusals = () =>
  t.db.select().from(auditLog).where(eq(auditLog.action, "auth.forbidden")).orderBy(desc(auditLog.id));

describe("requireSession audits refused privileged attempts", () => {
  it("an officer holding only the desk's agent role opens the console and enforces, but writes no identity", async () => {
    const officer = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
    state.session = { address: officer, expiresAt: new Date(Date.now() + 3_600_000), jti: "desk" };
    state.roles = { ...NO_ROLES, compliance: true, enforcementAgent: true };
    await expect(requireSession({ role: "compliance" })).resolves.toMatchObject({ address: officer });
    await expect(requireSession({ role: "enforcementAgent" })).resolves.toMatchObject({ address: officer });
    await expect(requireSession({ role: "identityAgent" })).rejects.toEqual(new AuthError("forbidden"));
    const [entry] = await refusals();
    expect(entry).toMatchObject({ actor: officer, subjectId: "identityAgent" });
  });

  it("a signed-in wallet without the role is refused and the refusal is audited with the roles required", async () => {
    state.session = { address: issuer, expiresAt: new Date(Date.now() + 3_600_000), jti: "j1" };
    state.roles = { ...NO_ROLES, issuer: true };
    await expect(requireSession({ role: "compliance" })).rejects.toEqual(new AuthError("forbidden"));
    const [entry] = await refusals();
    expect(entry).toMatchObject({
      actor: issuer,
      actorRole: "issuer",
      subjectType: "role",
      subjectId: "compliance",
      after: { required: ["compliance"] },
    });
  });

  it("a wallet with the role passes and nothing is written; a signed-out caller is not an attempt by anyone", async () => {
    const before = (await refusals()).length;
    state.session = { address: issuer, expiresAt: new Date(Date.now() + 3_600_000), jti: "j2" };
    state.roles = { ...NO_ROLES, issuer: true };
    await expect(requireSession({ role: "issuer" })).resolves.toMatchObject({ address: issuer });
    state.session = null;
    await expect(requireSession({ role: "compliance" })).rejects.toEqual(new AuthError("unauthenticated"));
    expect((await refusals()).length).toBe(before);
  });

  it("a script calling staff actions cannot flood the audit log: refusals are recorded up to a cap per wallet", async () => {
    const investor = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
    state.session = { address: investor, expiresAt: new Date(Date.now() + 3_600_000), jti: "j3" };
    // An investor the registry holds (a wallet the portal knows).
    state.roles = { ...NO_ROLES, registered: true };
    const mine = async () => (await refusals()).filter((r) => r.actor === investor).length;
    for (let i = 0; i < RATE_LIMITS.forbiddenAudit.limit + 15; i++) {
      await expect(requireSession({ role: "compliance" })).rejects.toEqual(new AuthError("forbidden"));
    }
    expect(await mine()).toBe(RATE_LIMITS.forbiddenAudit.limit);
  });

  it("a self-made wallet (no investor record, role or registry entry) is refused and leaves no row", async () => {
    const stranger = "0x000000000000000000000000000000000000beef";
    state.session = { address: stranger, expiresAt: new Date(Date.now() + 3_600_000), jti: "j4" };
    for (let i = 0; i < 3; i++)
      await expect(requireSession({ role: "compliance" })).rejects.toEqual(new AuthError("forbidden"));
    expect((await refusals()).filter((r) => r.actor === stranger)).toEqual([]);
  });
});

describe("requireRegisteredPageSession (the buy and trade pages)", () => {
  const investor = "0x976ea74026e726554db657fa54763abd0c3a0aa9";
  const redirectedTo = async (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { digest?: string }) => e.digest?.split(";")[2] ?? String(e),
    );

  it("sends a signed-out visitor to sign in, coming back to the page", async () => {
    expect(await redirectedTo(requireRegisteredPageSession("/artworks/a/buy"))).toBe(
      `/sign-in?next=${encodeURIComponent("/artworks/a/buy")}`,
    );
  });

  it("sends a wallet not registered on-chain to onboarding first; a registered one stays", async () => {
    state.session = { address: investor, expiresAt: new Date(Date.now() + 3_600_000), jti: "r1" };
    expect(await redirectedTo(requireRegisteredPageSession("/artworks/a/buy"))).toBe("/onboarding");
    state.roles = { ...NO_ROLES, registered: true };
    await expect(requireRegisteredPageSession("/artworks/a/buy")).resolves.toMatchObject({ address: investor });
  });

  it("opens the page when the chain cannot be read (its own checks refuse there)", async () => {
    state.session = { address: investor, expiresAt: new Date(Date.now() + 3_600_000), jti: "r2" };
    state.chainDown = true;
    await expect(requireRegisteredPageSession("/artworks/a/trade")).resolves.toMatchObject({ rolesAvailable: false });
  });
});
