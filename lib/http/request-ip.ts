import "server-only";

import { headers } from "next/headers";
import { getServerEnv } from "@/lib/env";
import { clientIpFrom } from "./client-ip";

/** The client IP of the current request (server components, actions), as far as trusted proxies vouch. */
export async function getRequestIp(): Promise<string | null> {
  return clientIpFrom(await headers(), { trustedProxyHops: getServerEnv().trustedProxyHops });
}

/** The client IP of a route handler's request. */
export function requestIp(request: Request): string | null {
  return clientIpFrom(request.headers, { trustedProxyHops: getServerEnv().trustedProxyHops });
}
