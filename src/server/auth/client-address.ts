import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * How many reverse proxies stand in front of the server (MASSEKART_TRUST_PROXY): 0 trusts no
 * X-Forwarded-For header at all. With N proxies, each appends the address it received the request
 * from, so the client is the Nth entry from the right; entries further left were written by the
 * client itself and could be anything.
 */
export type TrustedProxyHops = number;

/** The address of the client that sent the request, for throttling and the session list. */
export function clientAddress(c: Context, trustedProxyHops: TrustedProxyHops): string {
  let socketAddress = "unknown";
  try {
    socketAddress = getConnInfo(c).remote.address ?? socketAddress;
  } catch {
    // Not served by @hono/node-server (app.request in tests): one shared bucket.
  }
  if (trustedProxyHops <= 0) return socketAddress;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them, so no entry is trusted.
  if (forwarded.length < trustedProxyHops) return socketAddress;
  return forwarded[forwarded.length - trustedProxyHops] ?? socketAddress;
}
