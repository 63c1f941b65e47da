/**
 * The candidate sites of a site-allocation recommendation on a map (issue 11): pure converters
 * (sites → GeoJSON: each outline and a marker at its point) and layer spec builders. Allocated
 * sites are filled and outlined in green with their names; candidates left out are outlined in
 * grey, dashed, so the difference reads without colour too. Only the map component adds the layers.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import type { LayerSpecification } from "maplibre-gl";
import { bboxOf, type AreaGeometry, type Bbox, type LocationGeometry } from "../../core/geo/geometry";
import { labelFont } from "./layers";

export const allocationSourceId = "allocation-sites";

/** Green of a recommended site (as the editor's map outline); grey of a candidate left out. */
export const allocationColours = { allocated: "#2b8a3e", left: "#868e96", halo: "#ffffff" } as const;

export interface AllocationSiteProperties {
  id: string;
  name: string;
  allocated: boolean;
}

export interface AllocationSiteInput {
  id: string;
  name: string;
  geometry?: AreaGeometry | null;
  location?: readonly [number, number] | null;
}

/**
 * Every site as its outline (when known) and a marker at its point (its location, else the middle
 * of its outline's extent). Allocated sites last, so they draw on top.
 */
export function allocationSiteFeatures(
  sites: readonly AllocationSiteInput[],
  allocated: readonly string[],
): FeatureCollection<Polygon | MultiPolygon | Point, AllocationSiteProperties> {
  const chosen = new Set(allocated);
  const features: Feature<Polygon | MultiPolygon | Point, AllocationSiteProperties>[] = [];
  const ordered = [...sites].sort((a, b) => Number(chosen.has(a.id)) - Number(chosen.has(b.id)));
  for (const site of ordered) {
    const properties = { id: site.id, name: site.name, allocated: chosen.has(site.id) };
    if (site.geometry) features.push({ type: "Feature", geometry: site.geometry as Polygon | MultiPolygon, properties });
    const point = site.location ?? (site.geometry ? middleOf(bboxOf(site.geometry)) : null);
    if (point) features.push({ type: "Feature", geometry: { type: "Point", coordinates: [point[0], point[1]] }, properties });
  }
  return { type: "FeatureCollection", features };
}

/** The extent of every site and line given, or null when there is none. */
export function extentOfAll(collections: readonly FeatureCollection[]): Bbox | null {
  const boxes = collections.flatMap((c) => c.features.flatMap((f) => (f.geometry.type === "Point" || f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon" ? [bboxOf(f.geometry as LocationGeometry)] : f.geometry.type === "LineString" ? f.geometry.coordinates.map((p): Bbox => [p[0]!, p[1]!, p[0]!, p[1]!]) : [])));
  if (boxes.length === 0) return null;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

const middleOf = (box: Bbox): [number, number] => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];

const isArea = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]] as const;
const isPoint = ["==", ["geometry-type"], "Point"] as const;
const colour = ["case", ["get", "allocated"], allocationColours.allocated, allocationColours.left] as const;

/** Fill, outline, marker and name of each site; names of allocated sites only (the others would crowd the map). */
export function allocationSiteLayers(sourceId: string): LayerSpecification[] {
  return [
    {
      id: `${sourceId}-fill`,
      type: "fill",
      source: sourceId,
      filter: isArea as never,
      paint: { "fill-color": colour as never, "fill-opacity": ["case", ["get", "allocated"], 0.5, 0.12] },
    },
    {
      id: `${sourceId}-line`,
      type: "line",
      source: sourceId,
      filter: ["all", isArea, ["get", "allocated"]] as never,
      paint: { "line-color": allocationColours.allocated, "line-width": 4 },
    },
    {
      id: `${sourceId}-line-left`,
      type: "line",
      source: sourceId,
      filter: ["all", isArea, ["!", ["get", "allocated"]]] as never,
      paint: { "line-color": allocationColours.left, "line-width": 2, "line-dasharray": [2, 2] },
    },
    {
      id: `${sourceId}-marker`,
      type: "circle",
      source: sourceId,
      filter: isPoint as never,
      paint: {
        "circle-color": colour as never,
        "circle-radius": ["case", ["get", "allocated"], 11, 6],
        "circle-stroke-color": allocationColours.halo,
        "circle-stroke-width": ["case", ["get", "allocated"], 3, 1.5],
      },
    },
    {
      id: `${sourceId}-label`,
      type: "symbol",
      source: sourceId,
      filter: ["all", isPoint, ["get", "allocated"]] as never,
      layout: {
        "text-field": ["get", "name"],
        "text-font": [...labelFont],
        "text-size": 16,
        "text-offset": [0, 1.2],
        "text-anchor": "top",
        "text-allow-overlap": true,
      },
      paint: { "text-color": "#0b1620", "text-halo-color": allocationColours.halo, "text-halo-width": 2.5 },
    },
  ];
}
