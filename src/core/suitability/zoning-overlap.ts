import { featureCollection, feature } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { AreaGeometry, Bbox } from "../geo/geometry";
import { planarAreaM2 } from "../geo/planar-area";
import type { ZoningIndex } from "./zoning-index";

/** The part of the site one zoning area covers. */
export interface OverlapPiece {
  /** Index of the zoning area in the index. */
  index: number;
  geometry: AreaGeometry;
  /** Area, m², planar in EPSG:25832 (`planarAreaM2`). */
  areaM2: number;
}

export interface ZoningOverlap {
  pieces: OverlapPiece[];
  /** Site area covered by at least one zoning area, m². */
  coveredM2: number;
  /** Site area covered by more than one zoning area, m² (shares then add up to more than 100 %). */
  overlappingM2: number;
  warnings: string[];
}

const boxesMeet = (a: Bbox, b: Bbox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** The intersection of two areas, or null; a polygon the clipper cannot handle gives null and a warning. */
export function clip(a: AreaGeometry, b: AreaGeometry, warnings: string[], what: string): AreaGeometry | null {
  try {
    // Turf's GeoJSON types use number[] positions; the clipped geometry is WGS84 [lon, lat] as ours.
    return (intersect(featureCollection([feature(a), feature(b)]))?.geometry as AreaGeometry | undefined) ?? null;
  } catch (error) {
    warnings.push(`${what}: the overlap could not be computed (${error instanceof Error ? error.message : String(error)}); it is left out.`);
    return null;
  }
}

/**
 * Where the zoning areas among `candidates` overlap the site, with planar areas (EPSG:25832). The covered
 * area counts ground under two zoning areas once (Σ pieces − Σ pairwise overlaps, exact unless
 * three areas overlap at one spot, which plan data hardly ever has).
 */
export function zoningOverlap(site: AreaGeometry, siteBox: Bbox, zoning: ZoningIndex, candidates: readonly number[]): ZoningOverlap {
  const warnings: string[] = [];
  const pieces: OverlapPiece[] = [];
  for (const index of candidates) {
    if (!boxesMeet(siteBox, zoning.boxes[index]!)) continue;
    const zone = zoning.areas[index]!;
    const piece = clip(site, zone.geometry, warnings, `zoning area ${zone.id ?? index} (${zone.code})`);
    if (!piece) continue;
    const areaM2 = planarAreaM2(piece);
    if (areaM2 > 0) pieces.push({ index, geometry: piece, areaM2 });
  }
  let overlappingM2 = 0;
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const a = pieces[i]!;
      const b = pieces[j]!;
      if (!boxesMeet(zoning.boxes[a.index]!, zoning.boxes[b.index]!)) continue;
      const both = clip(a.geometry, b.geometry, warnings, "overlapping zoning");
      if (both) overlappingM2 += planarAreaM2(both);
    }
  }
  const coveredM2 = Math.max(0, pieces.reduce((sum, piece) => sum + piece.areaM2, 0) - overlappingM2);
  return { pieces, coveredM2, overlappingM2, warnings };
}
