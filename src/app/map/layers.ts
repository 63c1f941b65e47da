/**
 * Pure MapLibre layer spec builders, one per layer group. Only the map component adds them to a
 * map; tests check them without WebGL. Every builder takes the source id first and options last.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  RasterLayerSpecification,
  SymbolLayerSpecification,
} from "maplibre-gl";
import type { SiteKind } from "../../core/domain/records";
import type { LayerGroupId } from "../state/layer-groups";
import type { Selection } from "../state/selection-slice";
import {
  basemapColours,
  projectBalances,
  projectColours,
  roadCategories,
  roadColours,
  roadWidthsPx,
  selectionColour,
  siteColours,
} from "./palette";

export interface LayerOptions {
  /** Whether the group is shown; default true. */
  visible?: boolean;
}

export interface DataLayerOptions extends LayerOptions {
  /** Id of the selected record in this source, drawn with a strong outline; default none. */
  selectedId?: string | null;
}

/** Ids of the MapLibre layers, for tests and browser tests (`map.getLayer`, `queryRenderedFeatures`). */
export const layerIds = {
  municipalitiesFill: "municipalities-fill",
  municipalitiesLine: "municipalities-line",
  askerFill: "asker-fill",
  askerBoundaryLine: "asker-boundary-line",
  builtUpFill: "built-up-fill",
  topoRaster: "topo-raster",
  zoningFill: "zoning-fill",
  zoningLine: "zoning-line",
  zonesFill: "hazard-zones-fill",
  zonesLine: "hazard-zones-line",
  roadsCasing: "roads-casing",
  roadsLine: "roads-line",
  roadsRef: "roads-ref",
  placesLabel: "places-label",
  projectsFill: "projects-fill",
  projectsLine: "projects-line",
  projectsCircle: "projects-circle",
  // Not "projects-…": a cluster is not a project, and tests that look for rendered projects
  // ("projects" prefix) must not find one.
  projectsCluster: "project-clusters",
  projectsClusterCount: "project-cluster-count",
  // Not "projects-…" either: the warning symbol is drawn over a project, it is not one.
  projectSpecialMasses: "project-special-masses",
  draftLocation: "draft-location",
  siteFill: (kind: SiteKind) => `${kind}-fill`,
  siteLine: (kind: SiteKind) => `${kind}-line`,
} as const;

/** The MapLibre layers each toggle switches. The land fills belong to no group: they are always drawn. */
export const layerIdsByGroup: Readonly<Record<LayerGroupId, readonly string[]>> = {
  boundary: [layerIds.askerBoundaryLine],
  roads: [layerIds.roadsCasing, layerIds.roadsLine, layerIds.roadsRef],
  places: [layerIds.placesLabel],
  builtUp: [layerIds.builtUpFill],
  zoning: [layerIds.zoningFill, layerIds.zoningLine],
  zones: [layerIds.zonesFill, layerIds.zonesLine],
  projects: [layerIds.projectsFill, layerIds.projectsLine, layerIds.projectsCluster, layerIds.projectsCircle, layerIds.projectsClusterCount, layerIds.projectSpecialMasses],
  storage: [layerIds.siteFill("storage"), layerIds.siteLine("storage")],
  landfill: [layerIds.siteFill("landfill"), layerIds.siteLine("landfill")],
  quarry: [layerIds.siteFill("quarry"), layerIds.siteLine("quarry")],
  topo: [layerIds.topoRaster],
};

/** Layers a click can select, and what kind of record their features are. Top-most first. */
export const clickableLayers: Readonly<Record<string, Selection["kind"]>> = {
  [layerIds.projectsCircle]: "project",
  [layerIds.projectsFill]: "project",
  [layerIds.siteFill("storage")]: "site",
  [layerIds.siteFill("landfill")]: "site",
  [layerIds.siteFill("quarry")]: "site",
  [layerIds.zonesFill]: "zone",
  [layerIds.zoningFill]: "zoning",
};

/**
 * Font stack of every label. The style has no `glyphs` URL, so MapLibre draws these with the
 * browser's local fonts; "sans-serif" always exists.
 */
export const labelFont = ["Noto Sans", "sans-serif"];

const visibility = (visible = true): "visible" | "none" => (visible ? "visible" : "none");

const isPolygon: ExpressionSpecification = ["match", ["geometry-type"], ["Polygon", "MultiPolygon"], true, false];
const isPoint: ExpressionSpecification = ["match", ["geometry-type"], ["Point", "MultiPoint"], true, false];

/** True for the selected feature; `""` never matches a real id, so no selection draws nothing. */
const isSelected = (selectedId: string | null | undefined): ExpressionSpecification => [
  "==",
  ["get", "id"],
  selectedId ?? "",
];

/**
 * The neighbouring municipalities as land, with thin dashed outlines. Always drawn (no toggle):
 * without land the map is only sea.
 */
export function neighbourLayers(sourceId: string): LayerSpecification[] {
  const fill: FillLayerSpecification = {
    id: layerIds.municipalitiesFill,
    type: "fill",
    source: sourceId,
    paint: { "fill-color": basemapColours.neighbourLand },
  };
  const outline: LineLayerSpecification = {
    id: layerIds.municipalitiesLine,
    type: "line",
    source: sourceId,
    paint: { "line-color": basemapColours.neighbourOutline, "line-width": 0.8, "line-dasharray": [3, 2] },
  };
  return [fill, outline];
}

/** Asker's land a shade lighter than the neighbours', so the municipality stands out. Always drawn. */
export function askerLandLayers(sourceId: string): LayerSpecification[] {
  const fill: FillLayerSpecification = {
    id: layerIds.askerFill,
    type: "fill",
    source: sourceId,
    paint: { "fill-color": basemapColours.askerLand },
  };
  return [fill];
}

/** The strong outline of Asker (group "boundary"). */
export function boundaryLayers(sourceId: string, { visible = true }: LayerOptions = {}): LayerSpecification[] {
  const line: LineLayerSpecification = {
    id: layerIds.askerBoundaryLine,
    type: "line",
    source: sourceId,
    layout: { visibility: visibility(visible), "line-join": "round" },
    paint: { "line-color": basemapColours.askerBoundary, "line-width": 2.5 },
  };
  return [line];
}

/** Built-up areas (tettbebyggelse) as a flat fill. */
export function builtUpLayers(sourceId: string, { visible = true }: LayerOptions = {}): LayerSpecification[] {
  const fill: FillLayerSpecification = {
    id: layerIds.builtUpFill,
    type: "fill",
    source: sourceId,
    layout: { visibility: visibility(visible) },
    paint: { "fill-color": basemapColours.builtUp, "fill-opacity": 0.9 },
  };
  return [fill];
}

/** A `match` on the road category. The cast: the spec's tuple types cannot express a spread of pairs. */
function byRoadCategory(values: (category: (typeof roadCategories)[number]) => number | string, fallback: number | string): ExpressionSpecification {
  const pairs = roadCategories.flatMap((c) => [c, values(c)]);
  return ["match", ["get", "category"], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/**
 * Roads with width and colour by category (E > R > F > K > P), a darker casing beneath, and
 * widths that grow with zoom so the network reads from the whole municipality down to a site.
 */
export function roadLayers(sourceId: string, { visible = true }: LayerOptions = {}): LayerSpecification[] {
  const widthAt = (zoom: number, extraPx: number): ExpressionSpecification =>
    byRoadCategory((c) => roadWidthsPx[c] * (zoom / 10) ** 2 + extraPx, 0.8 * (zoom / 10) ** 2 + extraPx);
  const width = (extraPx: number): ExpressionSpecification => [
    "interpolate",
    ["linear"],
    ["zoom"],
    8,
    widthAt(8, extraPx),
    10,
    widthAt(10, extraPx),
    14,
    widthAt(14, extraPx),
  ];
  // Major roads draw last so they cross over minor ones.
  const sortKey = byRoadCategory((c) => roadCategories.length - roadCategories.indexOf(c), 0);
  const casing: LineLayerSpecification = {
    id: layerIds.roadsCasing,
    type: "line",
    source: sourceId,
    layout: { visibility: visibility(visible), "line-join": "round", "line-cap": "round", "line-sort-key": sortKey },
    paint: { "line-color": basemapColours.roadCasing, "line-width": width(1.5), "line-opacity": 0.8 },
  };
  const line: LineLayerSpecification = {
    id: layerIds.roadsLine,
    type: "line",
    source: sourceId,
    layout: { visibility: visibility(visible), "line-join": "round", "line-cap": "round", "line-sort-key": sortKey },
    paint: { "line-color": byRoadCategory((c) => roadColours[c], roadColours.P), "line-width": width(0) },
  };
  // Route numbers (E18, Rv23) along the main roads help people find their way; lesser roads would clutter.
  const ref: SymbolLayerSpecification = {
    id: layerIds.roadsRef,
    type: "symbol",
    source: sourceId,
    minzoom: 9,
    filter: ["all", ["match", ["get", "category"], ["E", "R"], true, false], ["has", "ref"]],
    layout: {
      visibility: visibility(visible),
      "symbol-placement": "line",
      "symbol-spacing": 400,
      "text-field": ["get", "ref"],
      "text-font": labelFont,
      "text-size": 10,
    },
    paint: { "text-color": basemapColours.roadRefText, "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
  };
  return [casing, line, ref];
}

/**
 * Place names drawn with a local font: the style has no `glyphs` URL, so MapLibre rasterises
 * the text from the browser's own fonts and the map needs no font server (works offline).
 */
export function placeLayers(sourceId: string, { visible = true }: LayerOptions = {}): LayerSpecification[] {
  const label: SymbolLayerSpecification = {
    id: layerIds.placesLabel,
    type: "symbol",
    source: sourceId,
    layout: {
      visibility: visibility(visible),
      "text-field": ["get", "name"],
      "text-font": labelFont,
      // N1000 navneobjekttype: towns (by) largest, villages (tettsted) next, neighbourhoods smallest.
      "text-size": ["match", ["get", "kind"], "by", 15, "tettsted", 13, "tettbebyggelse", 11, 12],
      // Beside the point, not on it: demo projects sit at the same settlement points.
      "text-variable-anchor": ["top", "bottom", "left", "right"],
      "text-radial-offset": 0.6,
      "text-padding": 4,
      "text-max-width": 10,
    },
    paint: {
      // Fjords and lakes in blue, like on a paper map, so they do not read as settlements.
      "text-color": ["match", ["get", "kind"], ["fjord", "delAvInnsjø", "innsjø", "sjø"], basemapColours.waterText, basemapColours.placeText],
      "text-halo-color": basemapColours.placeHalo,
      "text-halo-width": 1.6,
    },
  };
  return [label];
}

/** Above this many zoning areas the layer is drawn only from `detailedZoningMinZoom` in. */
export const detailedZoningAreaLimit = 2_000;
/** Zoom 12 ≈ 20 m per pixel at Asker's latitude: a few hundred areas in view instead of all of them. */
export const detailedZoningMinZoom = 12;

/**
 * The zoom from which zoning is drawn: always for a municipal plan's few hundred areas; from zoom
 * 12 for a detailed set. Measured (npm run bench:zoning-render): 20,000 areas drawn at the
 * overview pan at about 1 frame per second in software WebGL against 5 for the demo set.
 */
export function zoningMinZoom(areaCount: number): number | undefined {
  return areaCount > detailedZoningAreaLimit ? detailedZoningMinZoom : undefined;
}

/** Zoning as a semi-transparent fill in its category colour (feature property `colour`) with a thin outline. */
export function zoningLayers(
  sourceId: string,
  { visible = true, selectedId, minzoom }: DataLayerOptions & { minzoom?: number | undefined } = {},
): LayerSpecification[] {
  const zoom = minzoom === undefined ? {} : { minzoom };
  const fill: FillLayerSpecification = {
    id: layerIds.zoningFill,
    type: "fill",
    source: sourceId,
    ...zoom,
    layout: { visibility: visibility(visible) },
    paint: { "fill-color": ["get", "colour"], "fill-opacity": 0.5 },
  };
  const line: LineLayerSpecification = {
    id: layerIds.zoningLine,
    type: "line",
    source: sourceId,
    ...zoom,
    layout: { visibility: visibility(visible) },
    paint: {
      "line-color": ["case", isSelected(selectedId), selectionColour, "#6f6f6f"],
      "line-width": ["case", isSelected(selectedId), 3, 0.6],
      "line-opacity": 0.8,
    },
  };
  return [fill, line];
}

/**
 * Hazard and protection zones: a faint fill in the zone group's colour (feature property `colour`)
 * and a dashed outline, over the zoning, so the land use below still reads.
 */
export function hazardZoneLayers(sourceId: string, { visible = true, selectedId }: DataLayerOptions = {}): LayerSpecification[] {
  const fill: FillLayerSpecification = {
    id: layerIds.zonesFill,
    type: "fill",
    source: sourceId,
    layout: { visibility: visibility(visible) },
    paint: { "fill-color": ["get", "colour"], "fill-opacity": 0.18 },
  };
  const line: LineLayerSpecification = {
    id: layerIds.zonesLine,
    type: "line",
    source: sourceId,
    layout: { visibility: visibility(visible) },
    paint: {
      "line-color": ["case", isSelected(selectedId), selectionColour, ["get", "colour"]],
      "line-width": ["case", isSelected(selectedId), 3, 1.6],
      "line-dasharray": [3, 2],
    },
  };
  return [fill, line];
}

/** Sites of one kind: a translucent fill and a solid outline in the kind's colour. */
export function siteLayers(
  kind: SiteKind,
  sourceId: string,
  { visible = true, selectedId }: DataLayerOptions = {},
): LayerSpecification[] {
  const colour = siteColours[kind];
  const fill: FillLayerSpecification = {
    id: layerIds.siteFill(kind),
    type: "fill",
    source: sourceId,
    layout: { visibility: visibility(visible) },
    paint: { "fill-color": colour, "fill-opacity": 0.35 },
  };
  const line: LineLayerSpecification = {
    id: layerIds.siteLine(kind),
    type: "line",
    source: sourceId,
    layout: { visibility: visibility(visible), "line-join": "round" },
    paint: {
      "line-color": ["case", isSelected(selectedId), selectionColour, colour],
      // Thicker when zoomed out, so a site of a hectare or two still shows over the whole municipality.
      "line-width": [
        "interpolate",
        ["linear"],
        ["zoom"],
        9,
        ["case", isSelected(selectedId), 5, 3.5],
        13,
        ["case", isSelected(selectedId), 4, 2],
      ],
    },
  };
  return [fill, line];
}

/** Colour of a project feature by its `balance` property (surplus, demand, both, none). */
// Cast for the same reason as in `byRoadCategory`.
export const projectColourExpression: ExpressionSpecification = [
  "match",
  ["get", "balance"],
  ...projectBalances.flatMap((b) => [b, projectColours[b]]),
  projectColours.none,
] as unknown as ExpressionSpecification;

/**
 * Colour of a project cluster by its summed tonnes, by the same rule as a single project's
 * `balance` (see `projectBalance`): a side is "mainly" when it has at least twice the other.
 */
export const clusterColourExpression: ExpressionSpecification = [
  "case",
  ["all", ["<=", ["get", "surplusTonnes"], 0], ["<=", ["get", "demandTonnes"], 0]],
  projectColours.none,
  [">=", ["get", "surplusTonnes"], ["*", 2, ["get", "demandTonnes"]]],
  projectColours.surplus,
  [">=", ["get", "demandTonnes"], ["*", 2, ["get", "surplusTonnes"]]],
  projectColours.demand,
  projectColours.both,
];

/**
 * Circle radius in px on a square-root scale of tonnes, so a circle's area grows with its
 * tonnes: 0 t → `minPx`, 250 000 t → `minPx` + 20, 1 000 000 t and more → `minPx` + 30.
 */
export function tonnesRadiusExpression(tonnes: ExpressionSpecification, minPx: number): ExpressionSpecification {
  return ["interpolate", ["linear"], ["sqrt", ["max", 0, tonnes]], 0, minPx, 500, minPx + 20, 1000, minPx + 30];
}

/** The same radius as a number, for the legend: `tonnesRadiusExpression` evaluated. */
export function tonnesRadiusPx(tonnes: number, minPx: number): number {
  const root = Math.sqrt(Math.max(0, tonnes));
  if (root <= 500) return minPx + (20 * root) / 500;
  return minPx + 20 + (10 * Math.min(root - 500, 500)) / 500;
}

/** Smallest radius of a single project's circle and of a cluster's (which carries its count). */
export const projectCircleMinPx = 5;
export const clusterCircleMinPx = 13;

/**
 * How the point source of projects clusters: up to zoom 10 (the whole municipality and beyond),
 * points closer than 32 px merge, each cluster summing its projects' surplus and demand tonnes.
 * From zoom 11 every project shows on its own.
 */
export const projectClusterOptions = {
  cluster: true,
  clusterMaxZoom: 10,
  clusterRadius: 32,
  clusterProperties: {
    surplusTonnes: ["+", ["get", "surplusTonnes"]],
    demandTonnes: ["+", ["get", "demandTonnes"]],
  },
} as const;

export interface ProjectLayerOptions extends DataLayerOptions {
  /** The clustered point source (one point per project); default `<sourceId>-points`. */
  pointsSourceId?: string;
}

/**
 * Projects: area locations as a fill and outline; every project as a circle sized by its tonnes
 * and coloured by its balance, clustered at low zoom (a cluster is labelled with its count and
 * coloured by its summed balance). Single circles draw on top of clusters, counts on top of all.
 */
export function projectLayers(
  sourceId: string,
  { visible = true, selectedId, pointsSourceId = `${sourceId}-points` }: ProjectLayerOptions = {},
): LayerSpecification[] {
  const fill: FillLayerSpecification = {
    id: layerIds.projectsFill,
    type: "fill",
    source: sourceId,
    filter: isPolygon,
    layout: { visibility: visibility(visible) },
    paint: { "fill-color": projectColourExpression, "fill-opacity": 0.3 },
  };
  const line: LineLayerSpecification = {
    id: layerIds.projectsLine,
    type: "line",
    source: sourceId,
    filter: isPolygon,
    layout: { visibility: visibility(visible), "line-join": "round" },
    paint: {
      "line-color": ["case", isSelected(selectedId), selectionColour, projectColourExpression],
      "line-width": ["case", isSelected(selectedId), 4, 2],
    },
  };
  const cluster: CircleLayerSpecification = {
    id: layerIds.projectsCluster,
    type: "circle",
    source: pointsSourceId,
    filter: ["has", "point_count"],
    layout: { visibility: visibility(visible) },
    paint: {
      "circle-color": clusterColourExpression,
      "circle-opacity": 0.85,
      "circle-radius": tonnesRadiusExpression(["+", ["get", "surplusTonnes"], ["get", "demandTonnes"]], clusterCircleMinPx),
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 2,
    },
  };
  const circle: CircleLayerSpecification = {
    id: layerIds.projectsCircle,
    type: "circle",
    source: pointsSourceId,
    filter: ["all", ["!", ["has", "point_count"]], isPoint],
    layout: { visibility: visibility(visible), "circle-sort-key": ["-", 0, ["get", "totalTonnes"]] },
    paint: {
      "circle-color": projectColourExpression,
      "circle-opacity": 0.9,
      "circle-radius": tonnesRadiusExpression(["get", "totalTonnes"], projectCircleMinPx),
      "circle-stroke-color": ["case", isSelected(selectedId), selectionColour, "#ffffff"],
      "circle-stroke-width": ["case", isSelected(selectedId), 3, 1.5],
    },
  };
  return [fill, line, cluster, circle, ...projectClusterLabelLayers(pointsSourceId, { visible })];
}

/**
 * The count on each cluster. A layer of its own so the map can put it above the place names
 * (which would otherwise cover the numbers); the names give way to it.
 */
export function projectClusterLabelLayers(pointsSourceId: string, { visible = true }: LayerOptions = {}): LayerSpecification[] {
  const count: SymbolLayerSpecification = {
    id: layerIds.projectsClusterCount,
    type: "symbol",
    source: pointsSourceId,
    filter: ["has", "point_count"],
    layout: {
      visibility: visibility(visible),
      "text-field": ["to-string", ["get", "point_count"]],
      "text-font": labelFont,
      "text-size": 13,
      "text-allow-overlap": true,
    },
    paint: { "text-color": "#ffffff", "text-halo-color": "rgba(0,0,0,0.35)", "text-halo-width": 1 },
  };
  // Special masses (DESIGN §8): a warning sign with the codes (KL, AS, FA) above the project's circle.
  const special: SymbolLayerSpecification = {
    id: layerIds.projectSpecialMasses,
    type: "symbol",
    source: pointsSourceId,
    filter: ["all", ["!", ["has", "point_count"]], ["has", "specialMasses"], ["!=", ["get", "specialMasses"], ""]],
    layout: {
      visibility: visibility(visible),
      "text-field": ["concat", "⚠ ", ["get", "specialMasses"]],
      "text-font": labelFont,
      "text-size": 12,
      "text-anchor": "bottom",
      "text-offset": [0, -1.1],
      "text-allow-overlap": true,
    },
    paint: { "text-color": "#8a1c00", "text-halo-color": "#ffffff", "text-halo-width": 2 },
  };
  return [count, special];
}

/** Where the project being edited will be: a dark ring, unlike any data symbol. */
export function draftLocationLayers(sourceId: string): LayerSpecification[] {
  const ring: CircleLayerSpecification = {
    id: layerIds.draftLocation,
    type: "circle",
    source: sourceId,
    paint: {
      "circle-radius": 11,
      "circle-color": "rgba(255,255,255,0.45)",
      "circle-stroke-color": selectionColour,
      "circle-stroke-width": 3,
    },
  };
  return [ring];
}

/** Kartverket's topographic raster (online only). Slightly transparent so data on top stays the focus. */
export function topoLayers(sourceId: string, { visible = true }: LayerOptions = {}): LayerSpecification[] {
  const raster: RasterLayerSpecification = {
    id: layerIds.topoRaster,
    type: "raster",
    source: sourceId,
    layout: { visibility: visibility(visible) },
    paint: { "raster-opacity": 0.9 },
  };
  return [raster];
}
