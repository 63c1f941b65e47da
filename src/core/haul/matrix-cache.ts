import { copyMatrix, type DistanceMatrix, type DistanceMode, type HaulPoint } from "./distance-matrix";
import { Fnv1aHasher } from "./fnv-hash";

/**
 * Where computed matrices are kept. Synchronous (the in-memory LRU) or asynchronous (the server's
 * database table behind it); `haulMatrix` awaits either.
 */
export interface MatrixCache {
  get(key: string): DistanceMatrix | undefined | Promise<DistanceMatrix | undefined>;
  set(key: string, matrix: DistanceMatrix): void | Promise<void>;
}

export interface MatrixCacheKeyParts {
  mode: DistanceMode;
  /** What the distances are measured on: the road graph's version, the OSRM server, or "sphere". */
  networkVersion: string;
  /** Every parameter that changes the numbers (circuity, maxSnapKm …); key order does not matter. */
  parameters: Readonly<Record<string, string | number | boolean | undefined>>;
  from: readonly HaulPoint[];
  to: readonly HaulPoint[];
}

/** A fingerprint of point ids and exact positions, in order: it changes when any point moves. */
export function pointSetHash(from: readonly HaulPoint[], to: readonly HaulPoint[]): string {
  const hash = new Fnv1aHasher().number(from.length).number(to.length);
  for (const point of from) hash.string(point.id).number(point.location[0]).number(point.location[1]);
  for (const point of to) hash.string(point.id).number(point.location[0]).number(point.location[1]);
  return hash.hex();
}

/**
 * The cache key of a matrix, "mode:networkVersion:parameterHash:pointSetHash" (a database cache
 * reads the first two parts back): mode, network version, parameters and point set. A new network, a
 * changed parameter or a moved point gives a new key, so stale matrices are never served (they
 * age out of the LRU, and the database table is pruned by age).
 */
export function matrixCacheKey({ mode, networkVersion, parameters, from, to }: MatrixCacheKeyParts): string {
  if (networkVersion.includes(":")) throw new Error(`a network version must not contain ":" (${networkVersion})`);
  const parameterHash = new Fnv1aHasher();
  for (const name of Object.keys(parameters).sort()) parameterHash.string(name).string(String(parameters[name]));
  return `${mode}:${networkVersion}:${parameterHash.hex()}:${pointSetHash(from, to)}`;
}

export interface LruMatrixCache extends MatrixCache {
  get(key: string): DistanceMatrix | undefined;
  set(key: string, matrix: DistanceMatrix): void;
  readonly size: number;
  clear(): void;
}

/**
 * An in-memory least-recently-used cache (a Map keeps insertion order; a hit is moved to the end).
 * Hands out copies, so a caller that edits a matrix does not edit the cached one.
 * @param maxEntries matrices kept, default 64 (a 400 × 60 matrix is about 0.2 MB).
 */
export function createLruMatrixCache({ maxEntries = 64 }: { maxEntries?: number } = {}): LruMatrixCache {
  const entries = new Map<string, DistanceMatrix>();
  return {
    get(key) {
      const matrix = entries.get(key);
      if (!matrix) return undefined;
      entries.delete(key);
      entries.set(key, matrix);
      return copyMatrix(matrix);
    },
    set(key, matrix) {
      entries.delete(key);
      entries.set(key, copyMatrix(matrix));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * Two caches in front of each other: a hit in `second` (e.g. the database) is copied into `first`
 * (memory), and a new matrix goes into both.
 */
export function tieredMatrixCache(first: MatrixCache, second: MatrixCache): MatrixCache {
  return {
    async get(key) {
      const near = await first.get(key);
      if (near) return near;
      const far = await second.get(key);
      if (far) await first.set(key, far);
      return far;
    },
    async set(key, matrix) {
      await first.set(key, matrix);
      await second.set(key, matrix);
    },
  };
}
