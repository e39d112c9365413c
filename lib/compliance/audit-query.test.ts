import { describe, expect, it } from "vitest";
import { auditRangeError, parseAuditParams } from "./audit-query";

describe("audit log date range", () => {
  it("says when 'To' is before 'From' instead of showing an empty list", () => {
    expect(auditRangeError(parseAuditParams({ from: "2026-12-05", to: "2026-12-01" }))).toBe("to_before_from");
    expect(auditRangeError(parseAuditParams({ from: "2026-12-01", to: "2026-12-01" }))).toBeNull();
    expect(auditRangeError(parseAuditParams({ from: "2026-12-01", to: "2026-12-05" }))).toBeNull();
    expect(auditRangeError(parseAuditParams({ to: "2026-12-01" }))).toBeNull();
    expect(auditRangeError(parseAuditParams({}))).toBeNull();
  });
});

describe("audit details for a person", () => {
  it("lists each detail as a label and a plain value, nested values spelled out, reason apart", async () => {
    const { auditDetailLines } = await import("./audit-query");
    const entry = {
      after: {
        reason: "Court order",
        function: "setWalletFrozen",
        contract: "token",
        args: { wallet: "0xabc", frozen: true },
        status: "approved",
        missingDocuments: ["identity", "address"],
        before: { status: "in_review" },
      },
    };
    expect(auditDetailLines(entry as never, { yes: "yes", no: "no" })).toEqual([
      ["wallet", "0xabc"],
      ["frozen", "yes"],
      ["status", "approved"],
      ["missing documents", "identity, address"],
      ["before", "status: in_review"],
    ]);
  });
});
