/**
 * The base style and the source specs of the map, built in code because the map must work with
 * no internet: no style URL, no tile server, no font server. The style has no `glyphs` property,
 * so MapLibre draws labels with the browser's local fonts.
 */
import type {
  GeoJSONSourceSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  StyleSpecification,
} from "maplibre-gl";
import type { SiteKind } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";
import { basemapColours } from "./palette";

/** Where the layers of each part go, bottom to top. See `slotId`. */
export const slots = ["land", "askerLand", "builtUp", "topo", "zoning", "zones", "roads", "boundary", "sites", "projects", "draft", "places", "dataLabels"] as const;
export type Slot = (typeof slots)[number];

/**
 * Id of the empty marker layer on top of a slot. Layers are added with `beforeId` = their slot's
 * marker, so they land in the right place whatever order React mounts them in, and a layer
 * switched on later (the topographic map) still goes under the data.
 */
export function slotId(slot: Slot): string {
  return `slot-${slot}`;
}

export const sourceIds = {
  municipalities: "municipalities",
  asker: "asker",
  builtUp: "built-up",
  roads: "roads",
  places: "places",
  topo: "topo",
  zoning: "zoning",
  /** Hazard and protection zones (hensynssoner, NVE hazard maps). */
  zones: "hazard-zones",
  projects: "projects",
  /** One point per project, clustered (see `projectClusterOptions`). */
  projectPoints: "projects-points",
  /** The location of the project being edited. */
  draftLocation: "draft-location",
  site: (kind: SiteKind) => `sites-${kind}`,
} as const;

/** The static basemap files the server serves (built into data/basemap/). */
export const basemapFiles = {
  municipalities: "/basemap/municipalities.geojson",
  asker: "/basemap/boundary.geojson",
  builtUp: "/basemap/built-up.geojson",
  roads: "/basemap/roads.geojson",
  places: "/basemap/places.geojson",
} as const;
export type BasemapPart = keyof typeof basemapFiles;

export const kartverketAttribution = "© Kartverket (N1000, administrative grenser), CC BY 4.0";

/** Kartverket's open topographic cache (web mercator, XYZ). Used only when the user switches it on. */
export const defaultTopoTileUrl = "https://cache.kartverket.no/v1/wmts/1.0.0/topo/default/webmercator/{z}/{y}/{x}.png";

/** Asker's extent (WGS84), for the first frame before the boundary file has loaded. */
export const askerBbox: Bbox = [10.31, 59.48, 10.62, 59.91];

/** The base style: sea-coloured background and the empty slot markers; everything else is added by the map component. */
export function baseStyle(): StyleSpecification {
  const markers: LayerSpecification[] = slots.map((slot) => ({
    id: slotId(slot),
    type: "background",
    layout: { visibility: "none" },
  }));
  return {
    version: 8,
    name: "Massekart offline",
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": basemapColours.sea } }, ...markers],
  };
}

/**
 * A GeoJSON source for one basemap file.
 * @param origin - the page's origin; MapLibre fetches the file in a worker, which needs an absolute URL
 */
export function basemapSource(part: BasemapPart, origin: string): GeoJSONSourceSpecification {
  return {
    type: "geojson",
    data: new URL(basemapFiles[part], origin).href,
    // One attribution for all Kartverket layers: MapLibre de-duplicates identical strings.
    attribution: kartverketAttribution,
  };
}

/** The online topographic raster source. */
export function topoSource(tileUrl: string): RasterSourceSpecification {
  return { type: "raster", tiles: [tileUrl], tileSize: 256, maxzoom: 18, attribution: "© Kartverket" };
}
