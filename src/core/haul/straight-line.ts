import type { DistanceMatrix, HaulPoint } from "./distance-matrix";
import { distanceM } from "./geodesy";

/** Default ratio of road to straight-line distance (DESIGN §5). */
export const defaultCircuityFactor = 1.3;

/**
 * Great-circle distance × circuity factor between every pair (DESIGN §3, mode `straight`).
 * @param circuityFactor road km per straight-line km, default 1.3.
 */
export function straightLineMatrix(
  from: readonly HaulPoint[],
  to: readonly HaulPoint[],
  { circuityFactor = defaultCircuityFactor }: { circuityFactor?: number } = {},
): DistanceMatrix {
  return {
    from: from.map((p) => p.id),
    to: to.map((p) => p.id),
    km: from.map((a) => to.map((b) => (distanceM(a.location, b.location) / 1000) * circuityFactor)),
    unreachable: [],
    warnings: [],
  };
}
