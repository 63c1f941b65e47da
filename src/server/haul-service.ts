import type { DistanceMode } from "../core/haul/distance-matrix";
import type { HaulOptions } from "../core/haul/haul-matrix";
import { createLruMatrixCache, tieredMatrixCache, type MatrixCache } from "../core/haul/matrix-cache";
import type { FetchLike } from "../core/haul/osrm-client";
import type { RoadGraph } from "../core/haul/road-graph";
import { defaultRoadNetworkPath, readRoadNetworkFile } from "../io/road-network/read-files";
import type { ServerConfig } from "./config";
import type { Database } from "./db/database";
import { databaseMatrixCache, pruneMatrixCache } from "./repositories/distance-cache";

export interface HaulServiceOptions {
  /** The road network for mode road (default: the shipped Asker network), read once on first use. */
  networkPath?: string;
  /** fetch for the OSRM client (default the global fetch). */
  fetch?: FetchLike;
  log?: (message: string) => void;
}

/** What every distance user on the server shares: the road graph, the OSRM server and the caches. */
export interface HaulService {
  /** Haul options for a mode, with the graph, the OSRM client and the cache filled in. */
  options(parameters: { mode: DistanceMode; circuityFactor?: number; maxSnapKm?: number }): Promise<HaulOptions>;
  readonly cache: MatrixCache;
}

export function createHaulService(
  db: Database,
  config: Pick<ServerConfig, "osrmUrl">,
  { networkPath = defaultRoadNetworkPath(), fetch: fetchLike = (url, init) => fetch(url, init), log = console.error }: HaulServiceOptions = {},
): HaulService {
  const cache = tieredMatrixCache(createLruMatrixCache({ maxEntries: 64 }), databaseMatrixCache(db));
  let network: Promise<RoadGraph | undefined> | undefined;
  const roadGraph = () =>
    (network ??= readRoadNetworkFile(networkPath).then((read) => {
      if (read.ok) return read.value.graph;
      log(`Road network not loaded: ${read.problem}`);
      return undefined;
    }));
  // Old matrices (moved points, replaced networks) are removed once per process, on first use.
  let pruned: Promise<void> | undefined;
  return {
    cache,
    async options({ mode, circuityFactor, maxSnapKm }) {
      pruned ??= pruneMatrixCache(db).then(
        () => undefined,
        (error: unknown) => log(`Distance cache not pruned: ${String(error)}`),
      );
      await pruned;
      const options: HaulOptions = { mode, cache };
      if (circuityFactor !== undefined) options.circuityFactor = circuityFactor;
      if (maxSnapKm !== undefined) options.maxSnapKm = maxSnapKm;
      if (mode === "road") options.graph = await roadGraph();
      if (mode === "osrm" && config.osrmUrl) options.osrm = { baseUrl: config.osrmUrl, fetch: fetchLike };
      return options;
    },
  };
}
