/**
 * Flows of a matching result on the map: pure converters (flows → GeoJSON lines) and layer spec
 * builders. Line width follows tonnes, colour follows material. Only the map component adds
 * the layers; tests check them without WebGL.
 */
import type { Feature, FeatureCollection, LineString } from "geojson";
import type { ExpressionSpecification, LayerSpecification, LineLayerSpecification } from "maplibre-gl";
import { materials, type Material } from "../../core/domain/materials";
import type { Flow } from "../../core/matching/result";
import { selectionColour } from "./palette";

export const flowSourceId = "flows";

export const flowLayerIds = {
  /** A white casing under every flow, so lines read on any background. */
  casing: "flows-casing",
  line: "flows-line",
  /** The flow picked in the table (or on the map), drawn on top. */
  selected: "flows-selected",
  /** A dashed amber halo around flows that need a permit not yet recorded (DESIGN §8). */
  permit: "flows-permit",
} as const;

/** The colour of "needs a permit": amber, with the dash telling it apart without colour. */
export const permitColour = "#b58105";

/**
 * One colour per material, distinct from the site and project colours and from each other for
 * the common forms of colour blindness (Okabe–Ito based).
 */
export const materialColours: Readonly<Record<Material, string>> = {
  rock: "#555f6d",
  gravel_sand: "#e69f00",
  moraine: "#009e73",
  clay_silt: "#cc79a7",
  topsoil: "#8c510a",
  mixed: "#0072b2",
  // Okabe–Ito sky blue, and indigo and olive from Paul Tol's colour-blind-safe "muted" scheme:
  // apart from the six above, the site and project colours, the roads and the selection (#111).
  concrete: "#56b4e9",
  asphalt: "#332288",
  peat: "#999933",
};

/** Line width range, px: the thinnest flow and the flow with the most tonnes. */
export const flowWidthPx = { min: 1, max: 9 } as const;

export interface FlowFeatureProperties {
  /** Index of the flow in the result (−1 for a line that sums several flows). */
  index: number;
  /** Indexes of the result's flows this line draws, comma-separated (MapLibre keeps properties flat). */
  flowIndexes: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  material: Material;
  kind: Flow["kind"];
  /** The month, or "" when the line sums all months. */
  month: string;
  tonnes: number;
  km: number;
  /** Some flow of the line needs a permit its lot has not recorded (issue 17). */
  needsPermit: boolean;
}

type LonLat = [number, number];

export interface FlowsToFeaturesOptions {
  /** Only this month's flows; all months summed per route and material when null (default). */
  month?: string | null;
  /** Names to show for ids. */
  names?: Readonly<Record<string, string>>;
  /** Road paths by `routeKey(from, to)`; a straight line where absent. */
  paths?: Readonly<Record<string, readonly LonLat[]>>;
}

/** The key of one route's path (from and to ids). */
export function routeKey(from: string, to: string): string {
  return `${from}→${to}`;
}

/**
 * Flows as GeoJSON lines from their `from` to their `to` place. Flows of the same route and
 * material are summed when showing all months. Flows with an end that has no location are left
 * out (they still show in the table). Heaviest last, so they draw on top.
 */
export function flowsToFeatures(
  flows: readonly Flow[],
  locations: Readonly<Record<string, LonLat | null | undefined>>,
  { month = null, names = {}, paths = {} }: FlowsToFeaturesOptions = {},
): FeatureCollection<LineString, FlowFeatureProperties> {
  const lines = new Map<string, { props: FlowFeatureProperties; indexes: number[] }>();
  flows.forEach((flow, index) => {
    if (month !== null && flow.month !== month) return;
    if (flow.tonnes <= 0) return;
    const key = month === null ? `${flow.from}|${flow.to}|${flow.material}` : `${index}`;
    const line = lines.get(key);
    if (line) {
      line.props.tonnes += flow.tonnes;
      line.props.needsPermit ||= flow.needsPermit === true;
      line.indexes.push(index);
      return;
    }
    lines.set(key, {
      indexes: [index],
      props: {
        index,
        flowIndexes: "",
        from: flow.from,
        to: flow.to,
        fromName: names[flow.from] ?? flow.from,
        toName: names[flow.to] ?? flow.to,
        material: flow.material,
        kind: flow.kind,
        month: month === null ? "" : flow.month,
        tonnes: flow.tonnes,
        km: flow.km,
        needsPermit: flow.needsPermit === true,
      },
    });
  });
  const features: Feature<LineString, FlowFeatureProperties>[] = [];
  for (const { props, indexes } of lines.values()) {
    const from = locations[props.from];
    const to = locations[props.to];
    if (!from || !to) continue;
    const path = paths[routeKey(props.from, props.to)];
    const coordinates = path && path.length >= 2 ? path.map((p) => [p[0], p[1]]) : [[...from], [...to]];
    features.push({
      type: "Feature",
      geometry: { type: "LineString", coordinates },
      properties: { ...props, index: indexes.length === 1 ? indexes[0]! : -1, flowIndexes: indexes.join(",") },
    });
  }
  features.sort((a, b) => a.properties.tonnes - b.properties.tonnes);
  return { type: "FeatureCollection", features };
}

/** The largest tonnes of one line, for scaling widths (at least 1, so an empty plan divides safely). */
export function maxLineTonnes(collection: FeatureCollection<LineString, { tonnes: number }>): number {
  return Math.max(1, ...collection.features.map((f) => f.properties.tonnes));
}

/** Width in px for a line of `tonnes` when the heaviest has `maxTonnes`: by square root, so small flows stay visible. */
export function flowWidthFor(tonnes: number, maxTonnes: number): number {
  const share = Math.sqrt(Math.max(0, tonnes) / Math.max(1, maxTonnes));
  return flowWidthPx.min + (flowWidthPx.max - flowWidthPx.min) * Math.min(1, share);
}

/** The MapLibre expression of `flowWidthFor` on the `tonnes` property. */
export function flowWidthExpression(maxTonnes: number): ExpressionSpecification {
  const max = Math.max(1, maxTonnes);
  return ["+", flowWidthPx.min, ["*", flowWidthPx.max - flowWidthPx.min, ["min", 1, ["sqrt", ["/", ["max", 0, ["get", "tonnes"]], max]]]]];
}

/** Material → colour as a MapLibre `match` expression. */
export const flowColourExpression: ExpressionSpecification = [
  "match",
  ["get", "material"],
  ...materials.flatMap((m) => [m, materialColours[m]]),
  "#777777",
] as unknown as ExpressionSpecification;

export interface FlowLayerOptions {
  visible?: boolean;
  /** Heaviest line's tonnes (see `maxLineTonnes`); default 1. */
  maxTonnes?: number;
  /** Flow index highlighted (table row picked); none by default. */
  selectedIndex?: number | null;
}

/** The flow layers: casing, coloured lines, and the selected flow on top. */
export function flowLayers(sourceId: string, { visible = true, maxTonnes = 1, selectedIndex = null }: FlowLayerOptions = {}): LayerSpecification[] {
  const width = flowWidthExpression(maxTonnes);
  const visibility = visible ? "visible" : "none";
  const casing: LineLayerSpecification = {
    id: flowLayerIds.casing,
    type: "line",
    source: sourceId,
    layout: { visibility, "line-cap": "round", "line-join": "round" },
    paint: { "line-color": "#ffffff", "line-opacity": 0.6, "line-width": ["+", width, 1.5] },
  };
  const line: LineLayerSpecification = {
    id: flowLayerIds.line,
    type: "line",
    source: sourceId,
    layout: { visibility, "line-cap": "round", "line-join": "round" },
    paint: { "line-color": flowColourExpression, "line-opacity": 0.75, "line-width": width },
  };
  // A summed line holds several flows: it is selected when its list contains the index.
  const selectedFilter: ExpressionSpecification =
    selectedIndex === null
      ? ["==", ["get", "index"], -2]
      : ["in", `,${selectedIndex},`, ["concat", ",", ["get", "flowIndexes"], ","]];
  const selected: LineLayerSpecification = {
    id: flowLayerIds.selected,
    type: "line",
    source: sourceId,
    filter: selectedFilter,
    layout: { visibility, "line-cap": "round", "line-join": "round" },
    paint: { "line-color": selectionColour, "line-width": ["+", width, 6], "line-opacity": 0.9 },
  };
  const permit: LineLayerSpecification = {
    id: flowLayerIds.permit,
    type: "line",
    source: sourceId,
    filter: ["==", ["get", "needsPermit"], true],
    layout: { visibility, "line-cap": "butt", "line-join": "round" },
    paint: { "line-color": permitColour, "line-width": ["+", width, 5], "line-opacity": 0.9, "line-dasharray": [1.5, 1] },
  };
  // The selected flow under its coloured line: a dark halo that keeps the material's colour readable.
  return [casing, permit, selected, line];
}
