/**
 * The toggleable layer groups of the map. One id per checkbox in the layer panel; each group
 * owns one or more MapLibre layers (see `map/layers.ts`).
 */
export const layerGroupIds = [
  "boundary",
  "roads",
  "places",
  "builtUp",
  "zoning",
  "zones",
  "projects",
  "storage",
  "landfill",
  "quarry",
  "topo",
] as const;
export type LayerGroupId = (typeof layerGroupIds)[number];

/** Visibility of every layer group. */
export type LayerVisibility = Readonly<Record<LayerGroupId, boolean>>;

/** Panel sections, in the order they are shown. */
export const layerSections = {
  planning: ["projects", "storage", "landfill", "quarry", "zoning", "zones"],
  basemap: ["boundary", "places", "roads", "builtUp", "topo"],
} as const satisfies Record<string, readonly LayerGroupId[]>;

/**
 * Everything on except the online topographic map: with it off no request leaves the machine,
 * which is what an offline municipal network needs.
 */
export const defaultVisibility: LayerVisibility = {
  boundary: true,
  roads: true,
  places: true,
  builtUp: true,
  zoning: true,
  zones: true,
  projects: true,
  storage: true,
  landfill: true,
  quarry: true,
  topo: false,
};
