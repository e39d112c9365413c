/**
 * The action pipeline on a real database: input is parsed before anything else runs; the session and role are
 * checked before the domain call (a refused role is audited by `requireSession`); typed refusals come back in words;
 * an unknown failure is logged with a request id and answered `unavailable`, with what the action wrote rolled back;
 * redirects pass through.
 */
import { eq } from "drizzle-orm";
import type { Address } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NO_ROLES, type Roles } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { auditLog } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";

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
// Messages: the action's namespace knows "not_found" and the field key "reasonLength"; the rest is common.
const catalogue: Record<string, Record<string, string>> = {
  "test.errors": { not_found: "No such thing.", rate_limited_wait: "Wait {seconds} s." },
  "test.fields": { reasonLength: "Give a reason of 5 to 500 characters." },
  // The root namespace: a typed amount's refusal (lib/format/amount-schema) is in the amount parser's words.
  "": { "amounts.money.empty": "Enter an amount." },
  actionErrors: {
    invalid_input: "Not valid.",
    invalid_field: "Check this field.",
    unauthenticated: "Sign in.",
    forbidden: "Not allowed.",
    rate_limited: "Too many.",
    unavailable: "Unavailable ({requestId}).",
  },
};
vi.mock("next-intl/server", () => ({
  getTranslations: async (ns?: string) => {
    const messages = catalogue[ns ?? ""] ?? {};
    const t = (key: string, values?: Record<string, string | number>) =>
      (messages[key] ?? `${ns}.${key}`).replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? `{${k}}`));
    t.has = (key: string) => key in messages;
    return t;
  },
}));

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const signIn = (roles: Partial<Roles> = {}) => {
  state.session = { address: alice, expiresAt: new Date(Date.now() + 3_600_000), jti: "alice" };
  state.roles = { ...NO_ROLES, registered: true, ...roles };
};

let actions: typeof import("./index");
const ran = vi.fn();

beforeAll(async () => {
  t = await createTestDatabase();
  actions = await import("./index");
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  state.session = null;
  state.roles = NO_ROLES;
  ran.mockReset();
});

const input = z.object({ id: z.uuid(), reason: z.string().trim().min(5, "reasonLength").max(500, "reasonLength") });
const ok = { id: "6f1c1f6a-4a4e-4a0c-9f57-0d3b9c1c1c11", reason: "a good reason" };

function complianceAction(run: (data: z.output<typeof input>) => Promise<object>) {
  return actions.defineAction<"not_found">()({
    name: "test.compliance",
    input,
    auth: "compliance",
    messages: "test.errors",
    fieldMessages: "test.fields",
    run: async (data) => {
      ran(data);
      return run(data);
    },
  });
}

describe("the action pipeline", () => {
  it("refuses bad input before the session, the role or the domain, naming the field in words", async () => {
    const act = complianceAction(async () => ({}));
    const res = await act({ id: "not-a-uuid", reason: "no" });
    expect(res).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Not valid.",
      fieldErrors: { id: ["Check this field."], reason: ["Give a reason of 5 to 500 characters."] },
    });
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses without a session, and a signed-in wallet without the role, auditing that refusal", async () => {
    const act = complianceAction(async () => ({}));
    expect(await act(ok)).toEqual({ ok: false, code: "unauthenticated", message: "Sign in." });
    signIn();
    expect(await act(ok)).toEqual({ ok: false, code: "forbidden", message: "Not allowed." });
    expect(ran).not.toHaveBeenCalled();
    const refusals = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.forbidden"));
    expect(refusals.map((r) => [r.actor, r.subjectId])).toEqual([[alice.toLowerCase(), "compliance"]]);
  });

  it("runs the domain call with the parsed input (trimmed by the schema) and returns its result", async () => {
    signIn({ compliance: true });
    const act = complianceAction(async (data) => ({ auditId: 7, reason: data.reason }));
    expect(await act({ ...ok, reason: "  a good reason  " })).toEqual({
      ok: true,
      auditId: 7,
      reason: "a good reason",
    });
  });

  it("answers a typed refusal (thrown or unwrapped from a domain result) in the action's words", async () => {
    signIn({ compliance: true });
    const thrown = complianceAction(async () => actions.refuse("not_found"));
    expect(await thrown(ok)).toEqual({ ok: false, code: "not_found", message: "No such thing." });
    const unwrapped = complianceAction(async () => actions.unwrap({ ok: false as const, code: "not_found" }));
    expect(await unwrapped(ok)).toEqual({ ok: false, code: "not_found", message: "No such thing." });
  });

  it("carries a refusal's extra fields (what the client shows beside the words), never over the code or words", async () => {
    signIn({ compliance: true });
    const act = complianceAction(async () =>
      actions.refuse("not_found", { extra: { lineErrors: [{ line: 2, code: "address" }], code: "other" } }),
    );
    expect(await act(ok)).toEqual({
      ok: false,
      code: "not_found",
      message: "No such thing.",
      lineErrors: [{ line: 2, code: "address" }],
    });
  });

  it("answers a rate limit with the seconds to wait", async () => {
    signIn({ compliance: true });
    const { RateLimitedError } = await import("@/lib/rate-limit");
    const act = complianceAction(async () => {
      throw new RateLimitedError(42);
    });
    expect(await act(ok)).toEqual({ ok: false, code: "rate_limited", message: "Wait 42 s.", retryAfterSeconds: 42 });
  });

  it("logs an unknown failure with a request id, answers unavailable with that id, and what it wrote is rolled back", async () => {
    signIn({ compliance: true });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const act = complianceAction(async () =>
      t.db.transaction(async (tx) => {
        await writeAudit(tx as unknown as Database, {
          actor: alice.toLowerCase(),
          actorRole: "compliance",
          action: "test.half-done",
          subjectType: "test",
          subjectId: "1",
        });
        // The entry is written (inside the transaction) before the failure.
        written = (await tx.select().from(auditLog).where(eq(auditLog.action, "test.half-done"))).length;
        throw new Error("connection reset by peer at 10.0.0.7");
      }),
    );
    let written = 0;
    const res = await act(ok);
    expect(written).toBe(1);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe("unavailable");
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.message).toBe(`Unavailable (${res.requestId}).`);
    expect(res.message).not.toContain("10.0.0.7");
    expect(String(error.mock.calls[0]?.[0])).toContain(res.requestId);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "test.half-done"))).toEqual([]);
    // The operators' health page lists it under the same request id (this instance's memory).
    const { listRecentErrors } = await import("@/lib/platform/recent-errors");
    expect(listRecentErrors()[0]).toMatchObject({
      requestId: res.requestId,
      where: "test.compliance",
      message: "connection reset by peer at 10.0.0.7",
    });
    error.mockRestore();
  });

  it("lets a redirect through", async () => {
    signIn({ compliance: true });
    const { redirect } = await import("next/navigation");
    const act = complianceAction(async () => redirect("/compliance"));
    await expect(act(ok)).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it("a public action runs without a session; a form action parses the form it is given", async () => {
    const pub = actions.defineAction()({
      name: "test.public",
      input: z.object({ n: z.number().int() }),
      auth: "public",
      messages: "test.errors",
      run: async ({ n }, { session }) => ({ n, session }),
    });
    expect(await pub({ n: 3 })).toEqual({ ok: true, n: 3, session: null });
    const form = actions.defineFormAction()({
      name: "test.form",
      input: z.object({ reason: z.string().trim().min(5, "reasonLength") }),
      auth: "public",
      messages: "test.errors",
      fieldMessages: "test.fields",
      fromForm: (f) => ({ reason: f.get("reason") }),
      run: async ({ reason }) => ({ reason }),
    });
    const fd = new FormData();
    fd.set("reason", "abc");
    expect(await form(null, fd)).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Give a reason of 5 to 500 characters."] },
    });
  });

  it("words a typed amount's refusal from the root namespace, parsed or refused by the domain; unknown keys generically", async () => {
    const { moneyAmountField } = await import("@/lib/format/amount-schema");
    const act = actions.defineAction()({
      name: "test.amount",
      input: z.object({ amount: moneyAmountField(0), note: z.string().min(3, "noSuchKey") }),
      auth: "public",
      messages: "test.errors",
      fieldMessages: "test.fields",
      run: async () =>
        actions.refuse("invalid_input", {
          fieldErrors: { amount: ["amounts.money.empty"], note: ["reasonLength", "noSuchKey"] },
        }),
    });
    expect(await act({ amount: undefined as unknown as string, note: "x" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { amount: ["Enter an amount."], note: ["Check this field."] },
    });
    expect(await act({ amount: "12", note: "long enough" })).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Not valid.",
      fieldErrors: {
        amount: ["Enter an amount."],
        note: ["Give a reason of 5 to 500 characters.", "Check this field."],
      },
    });
  });
});
