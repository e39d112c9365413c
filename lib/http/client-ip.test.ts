import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";
import { clientIpFrom, PEER_HEADER, stampPeerAddress } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIpFrom", () => {
  it("with no trusted proxy, ignores a client-set X-Forwarded-For and X-Real-IP and uses the peer", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [PEER_HEADER]: "203.0.113.9" });
    expect(clientIpFrom(headers, { trustedProxyHops: 0 })).toBe("203.0.113.9");
  });

  it("with one trusted proxy, takes the address that proxy saw (the last X-Forwarded-For entry)", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 198.51.100.7", [PEER_HEADER]: "10.0.0.2" });
    expect(clientIpFrom(headers, { trustedProxyHops: 1 })).toBe("198.51.100.7");
  });

  it("with two trusted proxies, skips exactly two hops from the right, whatever the client prepends", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 1.1.1.1, 198.51.100.7, 10.0.0.3", [PEER_HEADER]: "10.0.0.2" });
    expect(clientIpFrom(headers, { trustedProxyHops: 2 })).toBe("198.51.100.7");
  });

  it("says null rather than guess: no peer, fewer entries than hops, or an entry that is not an IP", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6" }), { trustedProxyHops: 0 })).toBeNull();
    expect(clientIpFrom(h({ [PEER_HEADER]: "10.0.0.2" }), { trustedProxyHops: 2 })).toBeNull();
    expect(
      clientIpFrom(h({ "x-forwarded-for": "<script>", [PEER_HEADER]: "10.0.0.2" }), { trustedProxyHops: 1 }),
    ).toBeNull();
  });

  it("normalises IPv4-mapped IPv6 peers", () => {
    expect(clientIpFrom(h({ [PEER_HEADER]: "::ffff:127.0.0.1" }), { trustedProxyHops: 0 })).toBe("127.0.0.1");
    expect(clientIpFrom(h({ [PEER_HEADER]: "2001:db8::1" }), { trustedProxyHops: 0 })).toBe("2001:db8::1");
  });
});

describe("stampPeerAddress", () => {
  let server: http.Server;
  let seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    stampPeerAddress();
    stampPeerAddress(); // twice: installs once
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("replaces any client-sent peer header with the socket's address", async () => {
    seen = [];
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    expect(seen).toHaveLength(1);
    expect(seen[0]![PEER_HEADER]).toBe("127.0.0.1");
    expect(clientIpFrom(new Headers(seen[0] as Record<string, string>), { trustedProxyHops: 0 })).toBe("127.0.0.1");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and accepts a small whole number", () => {
    expect(parseServerEnv({}).trustedProxyHops).toBe(0);
    expect(parseServerEnv({ TRUSTED_PROXY_HOPS: "2" }).trustedProxyHops).toBe(2);
  });
  it("refuses anything else with one line naming it", () => {
    expect(() => parseServerEnv({ TRUSTED_PROXY_HOPS: "yes" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseServerEnv({ TRUSTED_PROXY_HOPS: "99" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
