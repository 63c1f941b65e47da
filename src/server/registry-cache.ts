import type { Database } from "./db/database";

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
  answer(key: string, build: () => Promise<string>): Promise<string>;
}

interface Entry {
  stamp: string;
  body: string;
  builtAt: number;
}

export function createRegistryCache(
  db: Database,
  { maxBytes = 96 * 1024 * 1024, maxEntries = 64, maxAgeMs = db.kind === "postgres" ? 1000 : Number.POSITIVE_INFINITY } = {},
): RegistryCache {
  const entries = new Map<string, Entry>();
  const building = new Map<string, Promise<string>>();
  let bytes = 0;

  const stampNow = async () => {
    const rows = await db.query<{ last_value: string | number; is_called: boolean }>("select last_value, is_called from registry_changes");
    const row = rows[0];
    return row ? `${row.last_value}:${row.is_called}` : "none";
  };

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  const keep = (key: string, entry: Entry) => {
    forget(key);
    if (entry.body.length > maxBytes) return;
    entries.set(key, entry);
    bytes += entry.body.length;
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
        return hit.body;
      }
      const flight = `${stamp}\u0000${key}`;
      let pending = building.get(flight);
      if (!pending) {
        pending = (async () => {
          const builtAt = Date.now();
          const body = await build();
          if ((await stampNow()) === stamp) keep(key, { stamp, body, builtAt });
          return body;
        })().finally(() => building.delete(flight));
        building.set(flight, pending);
      }
      return pending;
    },
  };
}

/** No keeping: every answer is built (the baseline of bench/registry-load.ts). */
export const noRegistryCache: RegistryCache = { answer: (_key, build) => build() };
