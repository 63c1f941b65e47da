import { z } from "zod";
import type { LonLat } from "../geo/geometry";

/** A point to measure haul distances from or to: a lot's project, a site. */
export interface HaulPoint {
  id: string;
  location: LonLat;
}

export type DistanceMode = "straight" | "road" | "osrm";

/** A pair with no distance, and why (a planner reads this). */
export interface UnreachablePair {
  from: string;
  to: string;
  reason: string;
}

/**
 * Distances in km between every `from` and every `to` point, as the `massekart distances` command
 * writes it: `km[i][j]` is from[i] → to[j], or null when the pair is unreachable.
 */
export interface DistanceMatrix {
  from: string[];
  to: string[];
  km: (number | null)[][];
  unreachable: UnreachablePair[];
  /** Things the user must see, e.g. a fallback to straight-line distances. */
  warnings: string[];
  /**
   * Modes `road` and `osrm`: the straight off-road stretch from each point to where it meets the
   * network, km (already included in `km`); null for a point too far from any road.
   */
  connectorKm?: { from: (number | null)[]; to: (number | null)[] };
  /** The mode that produced the numbers: differs from the mode asked for after a fallback. */
  mode?: DistanceMode;
}

/** The path of one haul, to draw a flow along the roads. */
export type HaulRoute =
  | {
      status: "ok";
      from: string;
      to: string;
      km: number;
      /** Off-road connectors at both ends, km (included in `km`; 0 in mode `straight`). */
      connectorKm: { from: number; to: number };
      /** From the `from` point to the `to` point, WGS84 [lon, lat]. */
      coordinates: LonLat[];
      warnings: string[];
    }
  | { status: "unreachable"; from: string; to: string; reason: string; warnings: string[] };

/**
 * The contract of a matrix's public JSON (the `massekart distances` file, `GET /api/distances`):
 * exactly `from`, `to`, `km` (null for an unreachable pair), `unreachable` and `warnings`.
 */
export const distanceMatrixJsonSchema = z.object({
  from: z.array(z.string()),
  to: z.array(z.string()),
  km: z.array(z.array(z.number().nullable())),
  unreachable: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
});
export type DistanceMatrixJson = z.infer<typeof distanceMatrixJsonSchema>;

/**
 * `GET /api/distances/route`: the path of one haul as a GeoJSON Feature, a LineString along the
 * roads; an unreachable pair has `geometry: null` and says why in `properties.reason`.
 */
export const haulRouteFeatureSchema = z.object({
  type: z.literal("Feature"),
  geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(z.tuple([z.number(), z.number()])) }).nullable(),
  properties: z.object({
    from: z.string(),
    to: z.string(),
    km: z.number().optional(),
    connectorKm: z.object({ from: z.number(), to: z.number() }).optional(),
    reason: z.string().optional(),
    warnings: z.array(z.string()),
  }),
});
export type HaulRouteFeature = z.infer<typeof haulRouteFeatureSchema>;

/** The public JSON of a matrix (see `distanceMatrixJsonSchema`), km rounded to the metre. */
export function matrixJson(matrix: DistanceMatrix): DistanceMatrixJson {
  return {
    from: matrix.from,
    to: matrix.to,
    km: matrix.km.map((row) => row.map((km) => (km === null ? null : Math.round(km * 1000) / 1000))),
    unreachable: matrix.unreachable,
    warnings: matrix.warnings,
  };
}

/** An empty-or-filled copy a cache can hand out without sharing rows. */
export function copyMatrix(matrix: DistanceMatrix): DistanceMatrix {
  return {
    ...matrix,
    from: matrix.from.slice(),
    to: matrix.to.slice(),
    km: matrix.km.map((row) => row.slice()),
    unreachable: matrix.unreachable.slice(),
    warnings: matrix.warnings.slice(),
    ...(matrix.connectorKm ? { connectorKm: { from: matrix.connectorKm.from.slice(), to: matrix.connectorKm.to.slice() } } : {}),
  };
}
