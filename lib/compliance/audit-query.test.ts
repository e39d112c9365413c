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
