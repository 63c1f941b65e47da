import type { DistanceMatrix, DistanceMode, HaulPoint, HaulRoute } from "./distance-matrix";
import { distanceM } from "./geodesy";
import { Fnv1aHasher } from "./fnv-hash";
import { matrixCacheKey, type MatrixCache } from "./matrix-cache";
import { osrmRoute, osrmTable, type OsrmOptions } from "./osrm-client";
import { defaultMaxSnapKm, roadMatrix, roadRoute } from "./road-distances";
import type { RoadGraph } from "./road-graph";
import { defaultCircuityFactor, straightLineMatrix } from "./straight-line";

export const distanceModes: readonly DistanceMode[] = ["straight", "road", "osrm"];

export interface HaulOptions {
  /** "straight" (default), "road" (needs `graph`) or "osrm" (needs `osrm`). */
  mode?: DistanceMode;
  /** Road km per straight-line km for mode `straight` and for fallbacks, default 1.3 (DESIGN §5). */
  circuityFactor?: number;
  /** The road network for mode `road`, from `buildRoadGraph`. */
  graph?: RoadGraph;
  /** Farthest a point may be from a road and still be routed, km, default 2. */
  maxSnapKm?: number;
  /** Server and fetch for mode `osrm`. */
  osrm?: Omit<OsrmOptions, "maxSnapKm">;
  /** Where to look first and keep the result (not used for fallbacks, so a healed server is asked again). */
  cache?: MatrixCache;
}

function fallback(from: readonly HaulPoint[], to: readonly HaulPoint[], circuityFactor: number, why: string): DistanceMatrix {
  const matrix = straightLineMatrix(from, to, { circuityFactor });
  return { ...matrix, warnings: [`${why} Straight-line distances × ${circuityFactor} are used instead.`], mode: "straight" };
}

/** Where the distances are measured, for the cache key; undefined when the mode cannot run. */
function networkVersionOf(options: HaulOptions): string | undefined {
  switch (options.mode ?? "straight") {
    case "straight":
      return "sphere";
    case "road":
      return options.graph?.version;
    case "osrm":
      // The server's data can change without notice: such entries age out of the caches.
      return options.osrm ? `osrm-${new Fnv1aHasher().string(options.osrm.baseUrl).string(options.osrm.profile ?? "driving").hex()}` : undefined;
  }
}

/**
 * The distance matrix of DESIGN §3 in one call for every mode, km from each `from` to each `to`.
 * Never rejects for expected trouble: a missing network or OSRM server, or a failing server,
 * gives straight-line distances with a warning that says so; unreachable pairs are data.
 *
 * @example haulMatrix(lots, sites, { mode: "road", graph }) // km along the Asker roads
 */
export async function haulMatrix(from: readonly HaulPoint[], to: readonly HaulPoint[], options: HaulOptions = {}): Promise<DistanceMatrix> {
  const { mode = "straight", circuityFactor = defaultCircuityFactor, graph, maxSnapKm = defaultMaxSnapKm, osrm, cache } = options;
  const networkVersion = networkVersionOf(options);
  const key =
    cache && networkVersion !== undefined
      ? matrixCacheKey({
          mode,
          networkVersion,
          parameters: mode === "straight" ? { circuityFactor } : { maxSnapKm, ...(mode === "osrm" ? { profile: osrm?.profile ?? "driving" } : {}) },
          from,
          to,
        })
      : undefined;
  if (cache && key) {
    const cached = await cache.get(key);
    if (cached) return cached;
  }

  let matrix: DistanceMatrix;
  if (mode === "straight") {
    matrix = { ...straightLineMatrix(from, to, { circuityFactor }), mode: "straight" };
  } else if (mode === "road") {
    if (!graph) return fallback(from, to, circuityFactor, "No road network is loaded for mode road.");
    matrix = roadMatrix(graph, from, to, { maxSnapKm });
  } else {
    if (!osrm) return fallback(from, to, circuityFactor, "No OSRM server is configured for mode osrm.");
    const answer = await osrmTable(from, to, { ...osrm, maxSnapKm });
    if (!answer.ok) return fallback(from, to, circuityFactor, `OSRM failed: ${answer.problem}`);
    matrix = answer.value;
  }
  if (cache && key) await cache.set(key, matrix);
  return matrix;
}

/**
 * The path of one haul for drawing a flow: along the roads in modes `road` and `osrm`, a straight
 * segment in mode `straight` (km × circuity) or after a fallback (with a warning).
 */
export async function haulRoute(from: HaulPoint, to: HaulPoint, options: HaulOptions = {}): Promise<HaulRoute> {
  const { mode = "straight", circuityFactor = defaultCircuityFactor, graph, maxSnapKm = defaultMaxSnapKm, osrm } = options;
  const straight = (warnings: string[]): HaulRoute => ({
    status: "ok",
    from: from.id,
    to: to.id,
    km: (distanceM(from.location, to.location) / 1000) * circuityFactor,
    connectorKm: { from: 0, to: 0 },
    coordinates: [from.location, to.location],
    warnings,
  });
  const fallbackNote = `Straight-line distance × ${circuityFactor} is used instead.`;
  if (mode === "road") {
    return graph ? roadRoute(graph, from, to, { maxSnapKm }) : straight([`No road network is loaded for mode road. ${fallbackNote}`]);
  }
  if (mode === "osrm") {
    if (!osrm) return straight([`No OSRM server is configured for mode osrm. ${fallbackNote}`]);
    const answer = await osrmRoute(from, to, { ...osrm, maxSnapKm });
    return answer.ok ? answer.value : straight([`OSRM failed: ${answer.problem} ${fallbackNote}`]);
  }
  return straight([]);
}
