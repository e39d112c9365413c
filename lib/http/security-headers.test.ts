import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders, WALLETCONNECT_CONNECT } from "./security-headers";

const base = { nonce: "abc123==", appOrigin: "http://localhost:3000", publicRpcUrl: "http://127.0.0.1:8545" };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with this response's nonce, and no framing", () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
  });

  it("lets the browser reach only this site and the public RPC, WalletConnect only when configured", () => {
    const plain = directives(contentSecurityPolicy({ ...base, publicRpcUrl: "https://rpc.example/v1/abc" }));
    expect(plain.get("connect-src")).toEqual(["'self'", "https://rpc.example"]);
    expect(plain.get("frame-src")).toEqual(["'none'"]);
    const wc = directives(contentSecurityPolicy({ ...base, walletConnectProjectId: "p1" }));
    expect(wc.get("connect-src")).toEqual(["'self'", "http://127.0.0.1:8545", ...WALLETCONNECT_CONNECT]);
    expect(wc.get("frame-src")?.every((s) => s.includes("walletconnect"))).toBe(true);
  });

  it("relaxes only what next dev needs, only in dev", () => {
    const d = directives(contentSecurityPolicy({ ...base, dev: true }));
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    expect(d.get("connect-src")).toContain("ws:");
  });
});

describe("securityHeaders", () => {
  it("sends HSTS and upgrade-insecure-requests only for an https origin, COOP always", () => {
    const http = securityHeaders(base);
    expect(http["strict-transport-security"]).toBeUndefined();
    expect(http["cross-origin-opener-policy"]).toBe("same-origin");
    expect(http["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    const https = securityHeaders({ ...base, appOrigin: "https://atelier.example" });
    expect(https["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("uses a fresh, unguessable nonce each time", () => {
    const seen = new Set(Array.from({ length: 100 }, createNonce));
    expect(seen.size).toBe(100);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
