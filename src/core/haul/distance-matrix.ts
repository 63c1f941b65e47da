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
 * The public JSON of a matrix (CLI file, `GET /api/distances`): exactly `from`, `to`, `km`,
 * `unreachable` and `warnings`, km rounded to the metre.
 */
export function matrixJson(matrix: DistanceMatrix): Pick<DistanceMatrix, "from" | "to" | "km" | "unreachable" | "warnings"> {
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
