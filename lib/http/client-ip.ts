/**
 * The client's IP address for the audit log and rate limits, trusting `X-Forwarded-For` only as far as
 * configured proxies vouch for it (TRUSTED_PROXY_HOPS).
 *
 * Next.js fills `X-Forwarded-For` with the socket's address only when the request has none, so a client
 * connecting directly can set it to anything. The server therefore stamps every request with the address
 * of the socket it arrived on (`stampPeerAddress`, installed from instrumentation.ts), in a header of its
 * own that replaces any copy the client sent. The chain of addresses is then the `X-Forwarded-For`
 * entries followed by that peer; each trusted proxy appended the one it saw, so the client is the entry
 * `hops` places from the right.
 */
import http from "node:http";
import { isIP } from "node:net";

export const PEER_HEADER = "x-atelier-peer";

function normaliseIp(value: string | undefined): string | null {
  const ip = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return ip && isIP(ip) ? ip : null;
}

export function clientIpFrom(
  headers: Pick<Headers, "get">,
  { trustedProxyHops }: { trustedProxyHops: number },
): string | null {
  const peer = headers.get(PEER_HEADER);
  if (!peer) return null;
  const forwarded =
    trustedProxyHops > 0
      ? (headers.get("x-forwarded-for") ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, peer];
  const index = chain.length - 1 - trustedProxyHops;
  return index >= 0 ? normaliseIp(chain[index]) : null;
}

const STAMPED = Symbol.for("atelier.peerStamp");

/**
 * Stamp every incoming HTTP request of this process with its socket's address (`x-atelier-peer`),
 * overwriting whatever the client sent under that name. Installs once.
 */
export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [STAMPED]?: true };
  if (proto[STAMPED]) return;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage | undefined;
      if (req?.headers) req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  proto[STAMPED] = true;
}
