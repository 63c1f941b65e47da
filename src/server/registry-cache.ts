import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Context } from "hono";
import type { Database } from "./db/database";

const gzipAsync = promisify(gzip);

/**
 * Built answers of the registry list (GET /api/projects), kept while the registry is unchanged
 * (issue 12 item 6: 5,000 projects and 20,000 lots answer p99 ≤ 300 ms at 10 concurrent).
 *
 * "Unchanged" is the `registry_changes` sequence of migration 011, bumped by a statement trigger
 * on every table the list reads, whichever code (route, import, CLI, seed) writes them. Each
 * request reads the sequence (one tiny query); an answer built while the sequence moved is served
 * but not kept. Concurrent requests for an answer not yet built wait for one build.
 *
 * On PGlite a transaction runs alone, so the counter and the data it guards move together. On
 * PostgreSQL a trigger runs just before its commit, so a list read in that instant could be kept
 * under the new count; there an answer is kept at most `maxAgeMs` (1 s) to bound that.
 */
export interface RegistryCache {
  /** The answer for `key`: kept if the registry is unchanged since it was built, else `build()`. */
  answer(key: string, build: () => Promise<string>): Promise<CachedAnswer>;
}

/**
 * A built answer and, made once on first demand and kept with it, its gzip form. The whole list is
 * about 10 MB of JSON at 5,000 projects and 20,000 lots and gzips to a tenth: sending that, not
 * compressing it again for each of ten clients, is what brings its p99 down (bench/registry-load.ts).
 */
export interface CachedAnswer {
  body: string;
  gzipped(): Promise<Uint8Array<ArrayBuffer>>;
}

function cachedAnswer(body: string): CachedAnswer {
  let zipped: Promise<Uint8Array<ArrayBuffer>> | undefined;
  // zlib's async gzip runs on libuv's thread pool, so the event loop serves other requests meanwhile.
  return { body, gzipped: () => (zipped ??= gzipAsync(body).then((buffer) => new Uint8Array(buffer))) };
}

interface Entry {
  stamp: string;
  answer: CachedAnswer;
  builtAt: number;
}

export function createRegistryCache(
  db: Database,
  { maxBytes = 96 * 1024 * 1024, maxEntries = 64, maxAgeMs = db.kind === "postgres" ? 1000 : Number.POSITIVE_INFINITY } = {},
): RegistryCache {
  const entries = new Map<string, Entry>();
  const building = new Map<string, Promise<CachedAnswer>>();
  let bytes = 0;

  const stampNow = async () => {
    const rows = await db.query<{ last_value: string | number; is_called: boolean }>("select last_value, is_called from registry_changes");
    const row = rows[0];
    return row ? `${row.last_value}:${row.is_called}` : "none";
  };

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.answer.body.length;
    entries.delete(key);
  };

  const keep = (key: string, entry: Entry) => {
    forget(key);
    if (entry.answer.body.length > maxBytes) return;
    entries.set(key, entry);
    bytes += entry.answer.body.length;
    // A Map iterates in insertion order, and a hit re-inserts: the first key is the least recently used.
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes && entries.size <= maxEntries) break;
      forget(oldest);
    }
  };

  return {
    async answer(key, build) {
      const stamp = await stampNow();
      const hit = entries.get(key);
      if (hit && hit.stamp === stamp && Date.now() - hit.builtAt <= maxAgeMs) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.answer;
      }
      const flight = `${stamp}\u0000${key}`;
      let pending = building.get(flight);
      if (!pending) {
        pending = (async () => {
          const builtAt = Date.now();
          const answer = cachedAnswer(await build());
          if ((await stampNow()) === stamp) keep(key, { stamp, answer, builtAt });
          return answer;
        })().finally(() => building.delete(flight));
        building.set(flight, pending);
      }
      return pending;
    },
  };
}

/** No keeping: every answer is built (the baseline of bench/registry-load.ts). */
export const noRegistryCache: RegistryCache = { answer: async (_key, build) => cachedAnswer(await build()) };

/** Whether an Accept-Encoding header takes gzip (named, or by `*`, with a quality above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const quality = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    quality.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  return (quality.get("gzip") ?? quality.get("*") ?? 0) > 0;
}

/** A kept JSON answer: its gzip form when the client takes gzip (the app-wide compress middleware then leaves it), else the text. */
export async function sendCachedJson(c: Context, answer: CachedAnswer): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Vary: "Accept-Encoding" };
  if (!acceptsGzip(c.req.header("accept-encoding"))) return c.body(answer.body, 200, headers);
  return c.body(await answer.gzipped(), 200, { ...headers, "Content-Encoding": "gzip" });
}
