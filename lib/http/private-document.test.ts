import { beforeEach, describe, expect, it, vi } from "vitest";
import { AuthError } from "@/lib/auth/errors";

const requireSession = vi.fn();
vi.mock("@/lib/auth", () => ({ requireSession: () => requireSession() }));

const { privateDocumentRoute, SIGN_IN_TO_SEE_DOCUMENT } = await import("./private-document");

const params = { params: Promise.resolve({ id: "doc-1" }) };

describe("privateDocumentRoute (the KYC and KYB document routes)", () => {
  beforeEach(() => {
    requireSession.mockReset();
  });

  it("answers 401 in plain words without a session, and never opens the document", async () => {
    requireSession.mockRejectedValue(new AuthError("unauthenticated"));
    const open = vi.fn();
    const res = await privateDocumentRoute(open)(new Request("http://x/"), params);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe(SIGN_IN_TO_SEE_DOCUMENT);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(open).not.toHaveBeenCalled();
  });

  it("throws on anything that is not a refusal", async () => {
    requireSession.mockRejectedValue(new Error("database down"));
    await expect(privateDocumentRoute(vi.fn())(new Request("http://x/"), params)).rejects.toThrow("database down");
  });

  it("opens the document with the id and the session, and answers with it inline", async () => {
    const session = { address: "0xAbC", roles: { compliance: false } };
    requireSession.mockResolvedValue(session);
    const open = vi.fn().mockResolvedValue({
      status: "ok",
      content: Buffer.from("%PDF"),
      mime: "application/pdf",
      filename: "passport.pdf",
    });
    const res = await privateDocumentRoute(open)(new Request("http://x/"), params);
    expect(open).toHaveBeenCalledWith("doc-1", session);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("inline");
    expect(await res.text()).toBe("%PDF");
  });

  it("answers 404 for a document the viewer may not see", async () => {
    requireSession.mockResolvedValue({ address: "0xabc", roles: { compliance: false } });
    const res = await privateDocumentRoute(async () => ({ status: "not_found" }))(new Request("http://x/"), params);
    expect(res.status).toBe(404);
  });
});
