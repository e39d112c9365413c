import { describe, expect, it } from "vitest";
import { withdrawable } from "./wallet-link-common";

describe("withdrawable", () => {
  const request = {
    id: "r1",
    investorId: "inv-1",
    status: "submitted" as "awaiting_signatures" | "submitted" | "linked",
  };

  it("gives back an open request of the investor", () => {
    expect(withdrawable(request, "inv-1", ["awaiting_signatures", "submitted"])).toEqual({ ok: true, request });
  });

  it("refuses a missing request, another investor's, and one no longer open, in that order", () => {
    expect(withdrawable(undefined, "inv-1", ["submitted"])).toEqual({ ok: false, code: "not_found" });
    expect(withdrawable(request, "inv-2", ["submitted"])).toEqual({ ok: false, code: "not_yours" });
    expect(withdrawable({ ...request, status: "linked" }, "inv-2", ["submitted"])).toEqual({
      ok: false,
      code: "not_yours",
    });
    expect(withdrawable({ ...request, status: "linked" }, "inv-1", ["submitted"])).toEqual({
      ok: false,
      code: "invalid_state",
    });
  });
});
