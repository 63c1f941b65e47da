import Flatbush from "flatbush";
import type { ZoningAreaInput } from "../domain/records";
import { bboxOf, type Bbox } from "../geo/geometry";

/** What the suitability report needs of a zoning area (a stored ZoningArea or an imported one fits). */
export type SuitabilityZoning = Pick<ZoningAreaInput, "code" | "codeList" | "geometry"> & {
  id?: string;
  planId?: string;
};

/**
 * The zoning of a report, searchable by box. Build it once per zoning set and reuse it for every
 * site (the server can keep one per import; the benchmark shows what it saves). The same index
 * serves the hazard and protection zones (`T` = `SuitabilityHazardZone`).
 */
export interface ZoningIndex<T extends { geometry: ZoningAreaInput["geometry"] } = SuitabilityZoning> {
  readonly areas: readonly T[];
  /** Each area's box, WGS84 degrees. */
  readonly boxes: readonly Bbox[];
  /** Indices of the areas whose box meets [minLon, minLat, maxLon, maxLat]. */
  search(box: Bbox): number[];
}

/** A Flatbush (static packed R-tree) index over the zoning areas' boxes. */
export function buildZoningIndex<T extends { geometry: ZoningAreaInput["geometry"] } = SuitabilityZoning>(areas: readonly T[]): ZoningIndex<T> {
  const boxes = areas.map((area) => bboxOf(area.geometry));
  // Flatbush refuses an empty set; no areas means no candidates.
  if (areas.length === 0) return { areas, boxes, search: () => [] };
  const tree = new Flatbush(areas.length);
  for (const [minLon, minLat, maxLon, maxLat] of boxes) tree.add(minLon, minLat, maxLon, maxLat);
  tree.finish();
  return { areas, boxes, search: ([minLon, minLat, maxLon, maxLat]) => tree.search(minLon, minLat, maxLon, maxLat) };
}

/** The same search by scanning every box: the benchmark's baseline, and fine for a handful of areas. */
export function linearZoningIndex(areas: readonly SuitabilityZoning[]): ZoningIndex {
  const boxes = areas.map((area) => bboxOf(area.geometry));
  return {
    areas,
    boxes,
    search: ([minLon, minLat, maxLon, maxLat]) => {
      const found: number[] = [];
      boxes.forEach((box, index) => {
        if (box[0] <= maxLon && box[2] >= minLon && box[1] <= maxLat && box[3] >= minLat) found.push(index);
      });
      return found;
    },
  };
}

export function isZoningIndex<T extends { geometry: ZoningAreaInput["geometry"] }>(zoning: ZoningIndex<T> | readonly T[]): zoning is ZoningIndex<T> {
  return !Array.isArray(zoning) && typeof (zoning as ZoningIndex<T>).search === "function";
}
