import type { LonLat } from "../geo/geometry";
import type { DistanceMatrix, HaulPoint } from "../haul/distance-matrix";
import { straightLineMatrix } from "../haul/straight-line";

/** A registered mass lot as the haul measure needs it: where, and how many tonnes (surplus or demand). */
export interface HaulLot {
  id: string;
  tonnes: number;
  location: LonLat;
}

/**
 * Haul distances in km from the `from` points to the `to` points. The default is straight lines
 * × 1.3 (`straightLineMatrix`); the server passes road or OSRM distances. An asynchronous source
 * (`haulMatrix`) is awaited by the caller first and handed in as `() => matrix`: columns are
 * matched by lot id, so the matrix may hold more lots, in any order.
 */
export type DistanceFunction = (from: readonly HaulPoint[], to: readonly HaulPoint[]) => DistanceMatrix;

export interface MeanHaul {
  /** Tonne-weighted mean haul from the site to the lots, km; null without reachable lots. */
  meanHaulKm: number | null;
  /** Σ tonnes × km over the reachable lots: what a site closer to the masses saves. */
  tonneKm: number;
  tonnes: number;
  lots: number;
  /** Lots the distance source could not reach (left out of the mean). */
  unreachable: string[];
  warnings: string[];
}

/**
 * The tonne-weighted mean haul distance from a site to the registered surplus and demand:
 * Σ tonnes × km ÷ Σ tonnes, over lots with a distance (issue 6: "which site would save the most
 * tonne-km"). Lots without positive tonnes are left out.
 */
export function meanHaul(site: LonLat, lots: readonly HaulLot[], { distance = straightLineMatrix }: { distance?: DistanceFunction } = {}): MeanHaul {
  const counted = lots.filter((lot) => Number.isFinite(lot.tonnes) && lot.tonnes > 0);
  if (counted.length === 0) return { meanHaulKm: null, tonneKm: 0, tonnes: 0, lots: 0, unreachable: [], warnings: [] };
  const matrix = distance([{ id: "site", location: site }], counted.map((lot) => ({ id: lot.id, location: lot.location })));
  const row = matrix.km[0] ?? [];
  // Columns by id, so a matrix computed beforehand for more lots (or in another order) still fits.
  const column = new Map(matrix.to.map((id, k) => [id, k]));
  let tonnes = 0;
  let tonneKm = 0;
  const unreachable: string[] = [];
  counted.forEach((lot) => {
    const k = column.get(lot.id);
    const km = k === undefined ? null : row[k];
    if (km === null || km === undefined || !Number.isFinite(km)) unreachable.push(lot.id);
    else {
      tonnes += lot.tonnes;
      tonneKm += lot.tonnes * km;
    }
  });
  return { meanHaulKm: tonnes > 0 ? tonneKm / tonnes : null, tonneKm, tonnes, lots: counted.length - unreachable.length, unreachable, warnings: matrix.warnings };
}
