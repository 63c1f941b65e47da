import { readFile } from "node:fs/promises";
import type { LonLat } from "../core/geo/geometry";
import type { DistanceMode } from "../core/haul/distance-matrix";
import type { HaulOptions } from "../core/haul/haul-matrix";
import { createLruMatrixCache, tieredMatrixCache, type MatrixCache } from "../core/haul/matrix-cache";
import type { FetchLike } from "../core/haul/osrm-client";
import type { RoadGraph } from "../core/haul/road-graph";
import { buildRoadIndex, type RoadIndex } from "../core/suitability/road-index";
import { featuresInWgs84, type InputGeometry } from "../io/geojson-input";
import { defaultRoadNetworkPath, readRoadNetworkFile } from "../io/road-network/read-files";
import { roadNetworkFromGeoJson } from "../io/road-network/road-network";
import type { ServerConfig } from "./config";
import type { Database } from "./db/database";
import { databaseMatrixCache, pruneMatrixCache } from "./repositories/distance-cache";
import { getActiveRoadNetworkFeatures } from "./repositories/road-networks";

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
  /** The road graph in use: the planners' imported network, else the shipped one. */
  roadGraph(): Promise<RoadGraph | undefined>;
  /** The same network as a spatial index of its lines, for "distance to the nearest road". */
  roadIndex(): Promise<RoadIndex>;
  /** Forget the loaded graph after a network import, so the next request reads the new one. */
  networkChanged(): void;
}

export function createHaulService(
  db: Database,
  config: Pick<ServerConfig, "osrmUrl">,
  { networkPath = defaultRoadNetworkPath(), fetch: fetchLike = (url, init) => fetch(url, init), log = console.error }: HaulServiceOptions = {},
): HaulService {
  const cache = tieredMatrixCache(createLruMatrixCache({ maxEntries: 64 }), databaseMatrixCache(db));
  let network: Promise<RoadGraph | undefined> | undefined;
  const loadGraph = async (): Promise<RoadGraph | undefined> => {
    const imported = await getActiveRoadNetworkFeatures(db);
    const read = imported
      ? roadNetworkFromGeoJson(imported, { source: "the imported road network" })
      : await readRoadNetworkFile(networkPath);
    if (read.ok) return read.value.graph;
    log(`Road network not loaded: ${read.problem}`);
    return undefined;
  };
  // Matrices are keyed by the graph's version, so a new network never meets an old cached matrix.
  const roadGraph = () => (network ??= loadGraph());
  let index: Promise<RoadIndex> | undefined;
  const loadIndex = async (): Promise<RoadIndex> => {
    const imported = await getActiveRoadNetworkFeatures(db);
    const json: unknown = imported ?? JSON.parse(await readFile(networkPath, "utf8"));
    const read = featuresInWgs84(json, { source: "the road network" });
    return buildRoadIndex(read.ok ? read.value.flatMap((feature) => linesOf(feature.geometry)) : []);
  };
  // Old matrices (moved points, replaced networks) are removed once per process, on first use.
  let pruned: Promise<void> | undefined;
  return {
    cache,
    roadGraph,
    roadIndex: () => (index ??= loadIndex()),
    networkChanged: () => {
      network = undefined;
      index = undefined;
    },
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

/** The line strings of a road feature's geometry (other geometry types have none). */
function linesOf(geometry: InputGeometry | null): LonLat[][] {
  if (!geometry) return [];
  if (geometry.type === "LineString") return [geometry.coordinates as LonLat[]];
  if (geometry.type === "MultiLineString") return geometry.coordinates as LonLat[][];
  if (geometry.type === "GeometryCollection") return (geometry.geometries ?? []).flatMap(linesOf);
  return [];
}
