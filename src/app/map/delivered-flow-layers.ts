/**
 * Delivered flows on the map (issue 16 item 2): what the trucks actually carried, drawn beside the
 * planned flows of `flow-layers.ts`. Pure converters (places and `GET /api/loads/flows` items →
 * GeoJSON lines) and layer spec builders; only the map component adds the layers.
 *
 * The planned and delivered lines read apart without colour: a delivered line is dashed and drawn
 * offset to the side of its route, so on a route with both the two lines lie side by side. Both
 * take their colour from the material and their width from tonnes on the same square-root scale.
 */
import type { Feature, FeatureCollection, LineString } from "geojson";
import type { ExpressionSpecification, LayerSpecification, LineLayerSpecification } from "maplibre-gl";
import type { Material } from "../../core/domain/materials";
import type { Project, Site } from "../../core/domain/records";
import { representativePoint } from "../../core/geo/geometry";
import type { LoadFlow } from "../../core/loads/api";
import { endpointKey } from "../../core/loads/load";
import { flowColourExpression, flowWidthExpression } from "./flow-layers";

export const deliveredFlowSourceId = "delivered-flows";

export const deliveredFlowLayerIds = {
  /** A white dashed-under casing, so the dashes read on any background. */
  casing: "delivered-flows-casing",
  line: "delivered-flows-line",
} as const;

/** Colour of a flow whose material is not known (between two sites). */
export const unknownMaterialColour = "#3d3d3d";

/** Gap between a route's centre and a delivered line's near edge, px: room for the planned line beside it. */
export const deliveredOffsetGapPx = 4;

/**
 * The thinnest delivered line, px: early in a project the delivered tonnes are a sliver of the
 * plan's, and on the plan's scale their lines would be 1 px, too thin for a dash to read.
 */
export const deliveredMinWidthPx = 2.5;

/** Dash pattern of a delivered line, in line widths (dash, gap). */
export const deliveredDash: [number, number] = [2, 1.2];

type LonLat = [number, number];

/** What the map knows of one end of a load: a name to show and a point. */
export interface DeliveredPlace {
  name: string;
  location: LonLat;
}

/** Places by `endpointKey` ("lot:…" or "site:…"). */
export type DeliveredPlaces = Readonly<Record<string, DeliveredPlace>>;

/**
 * The places loads can name: each lot at its project's representative point (the same point the
 * planned flows start from, `core/matching/from-registry.ts`), named after its project (with the
 * material when the project has several lots); each site at the representative point of its outline.
 * Deleted lots are kept: a load recorded before the delete still went from there.
 */
export function deliveredPlaces(
  projects: readonly Pick<Project, "name" | "location" | "lots">[],
  sites: readonly Pick<Site, "id" | "name" | "geometry">[],
  materialName: (material: Material) => string = (m) => m,
): Record<string, DeliveredPlace> {
  const places: Record<string, DeliveredPlace> = {};
  for (const project of projects) {
    const location = representativePoint(project.location);
    const point: LonLat = [location[0], location[1]];
    for (const lot of project.lots) {
      places[endpointKey({ lotId: lot.id })] = { name: project.lots.length > 1 ? `${project.name} · ${materialName(lot.material)}` : project.name, location: point };
    }
  }
  for (const site of sites) {
    const location = representativePoint(site.geometry);
    places[endpointKey({ siteId: site.id })] = { name: site.name, location: [location[0], location[1]] };
  }
  return places;
}

export interface DeliveredFlowProperties {
  /** `endpointKey` of each end. */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** The material, or "" when not known (MapLibre keeps properties flat and without null). */
  material: Material | "";
  tonnes: number;
  loads: number;
  firstTime: string;
  lastTime: string;
}

/** The lines of the delivered flows, and how many flows had an end without a known place. */
export interface DeliveredFeatures {
  collection: FeatureCollection<LineString, DeliveredFlowProperties>;
  /** Flows left off the map: an end unknown to the map, or both ends at one point (a project's own lots). */
  unplaced: number;
}

/**
 * Delivered flows as GeoJSON lines from the place the loads came from to where they went. A flow
 * with an end the map does not know, or with both ends at one point, is left out and counted.
 * Lightest first, so the heaviest draw on top.
 */
export function deliveredFlowsToFeatures(items: readonly LoadFlow[], places: DeliveredPlaces): DeliveredFeatures {
  const features: Feature<LineString, DeliveredFlowProperties>[] = [];
  let unplaced = 0;
  for (const item of items) {
    const fromKey = endpointKey(item.from);
    const toKey = endpointKey(item.to);
    const from = places[fromKey];
    const to = places[toKey];
    if (!from || !to || (from.location[0] === to.location[0] && from.location[1] === to.location[1])) {
      unplaced += 1;
      continue;
    }
    features.push({
      type: "Feature",
      geometry: { type: "LineString", coordinates: [[...from.location], [...to.location]] },
      properties: {
        from: fromKey,
        to: toKey,
        fromName: from.name,
        toName: to.name,
        material: item.material ?? "",
        tonnes: item.tonnes,
        loads: item.loads,
        firstTime: item.firstTime,
        lastTime: item.lastTime,
      },
    });
  }
  features.sort((a, b) => a.properties.tonnes - b.properties.tonnes);
  return { collection: { type: "FeatureCollection", features }, unplaced };
}

/** The days of a month as the bounds of `GET /api/loads/flows` (both included): "2027-02" → 2027-02-01 … 2027-02-28. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
}

export interface DeliveredFlowLayerOptions {
  visible?: boolean;
  /** Tonnes of the heaviest line, for the width scale (the planned flows' own when a result is shown, so widths compare); default 1. */
  maxTonnes?: number;
}

/** The delivered flow layers: a white casing and the dashed line, both offset to the right of the route. */
export function deliveredFlowLayers(sourceId: string, { visible = true, maxTonnes = 1 }: DeliveredFlowLayerOptions = {}): LayerSpecification[] {
  const width: ExpressionSpecification = ["max", deliveredMinWidthPx, flowWidthExpression(maxTonnes)];
  const visibility = visible ? "visible" : "none";
  // Offset by half the width plus the gap: the near edge keeps clear of the route's centre line.
  const offset: ExpressionSpecification = ["+", ["/", width, 2], deliveredOffsetGapPx];
  const colour: ExpressionSpecification = ["case", ["==", ["get", "material"], ""], unknownMaterialColour, flowColourExpression];
  const casing: LineLayerSpecification = {
    id: deliveredFlowLayerIds.casing,
    type: "line",
    source: sourceId,
    layout: { visibility, "line-cap": "butt", "line-join": "round" },
    paint: { "line-color": "#ffffff", "line-opacity": 0.85, "line-width": ["+", width, 2], "line-offset": offset },
  };
  const line: LineLayerSpecification = {
    id: deliveredFlowLayerIds.line,
    type: "line",
    source: sourceId,
    layout: { visibility, "line-cap": "butt", "line-join": "round" },
    paint: { "line-color": colour, "line-opacity": 0.95, "line-width": width, "line-offset": offset, "line-dasharray": deliveredDash },
  };
  return [casing, line];
}
