/**
 * Colours of the map and its legend, in one place so a swatch in the layer panel is always the
 * colour drawn on the map. Pure data: safe to import outside `map/` (the legend does).
 */
import type { SiteKind } from "../../core/domain/records";
import type { ZoneHazard } from "../../core/zoning/hazard-zones";

/** Basemap colours. The fjord is the background, so the background is the sea colour. */
export const basemapColours = {
  sea: "#bcd6e8",
  neighbourLand: "#e9e7de",
  neighbourOutline: "#9d998c",
  askerLand: "#fbfaf4",
  /** Strong and unlike any data colour, so the municipal boundary reads at every zoom. */
  askerBoundary: "#b3261e",
  builtUp: "#e5dccd",
  roadCasing: "#a39482",
  roadRefText: "#5a4630",
  placeText: "#2b2b2b",
  waterText: "#2c5d87",
  placeHalo: "#ffffff",
} as const;

/** Road categories of N1000 (vegkategori): Europa-, Riks-, Fylkes-, Kommunal-, Privat vei. */
export const roadCategories = ["E", "R", "F", "K", "P"] as const;
export type RoadCategory = (typeof roadCategories)[number];

/**
 * Warm ambers and yellows, lighter for lesser roads: unlike the dark red of the Asker boundary
 * and unlike every data colour, so roads stay background.
 */
export const roadColours: Readonly<Record<RoadCategory, string>> = {
  E: "#f0a23b",
  R: "#f5b95c",
  F: "#f8d98a",
  K: "#ffffff",
  P: "#ffffff",
};

/** Line width in px at zoom 10; roads thicken with zoom (see `roadLayers`). */
export const roadWidthsPx: Readonly<Record<RoadCategory, number>> = { E: 2.6, R: 2.2, F: 1.4, K: 1, P: 0.7 };

export const siteColours: Readonly<Record<SiteKind, string>> = {
  storage: "#1b7f6b",
  landfill: "#8b5a2b",
  quarry: "#5f4b8b",
};

/** Whether a project mainly gives away masses, mainly needs them, both, or has none registered. */
export type ProjectBalance = "surplus" | "demand" | "both" | "none";
export const projectBalances = ["surplus", "demand", "both", "none"] as const satisfies readonly ProjectBalance[];

export const projectColours: Readonly<Record<ProjectBalance, string>> = {
  surplus: "#d9480f",
  demand: "#1864ab",
  both: "#862e9c",
  none: "#6c757d",
};

export const selectionColour = "#111111";

/**
 * Hazard and protection zones (issue 17) in four colours by what they mean for a site: danger
 * (landslide, quick clay, shooting range, high voltage …), water (flood, drinking water),
 * protection (nature, culture, farmland, recreation …) and other (noise, safety zones …). Drawn as a
 * faint fill with a dashed outline over the zoning, so both stay readable.
 */
export const zoneGroups = ["danger", "water", "protection", "other"] as const;
export type ZoneGroup = (typeof zoneGroups)[number];
export const zoneColours: Readonly<Record<ZoneGroup, string>> = {
  danger: "#d7301f",
  water: "#2171b5",
  protection: "#238b45",
  other: "#737373",
};
const zoneGroupOfHazard: Readonly<Partial<Record<ZoneHazard, ZoneGroup>>> = {
  landslide: "danger",
  quick_clay: "danger",
  fire_explosion: "danger",
  shooting_range: "danger",
  high_voltage: "danger",
  military: "danger",
  other_hazard: "danger",
  flood: "water",
  drinking_water: "water",
  agriculture: "protection",
  reindeer: "protection",
  outdoor_recreation: "protection",
  green_structure: "protection",
  landscape: "protection",
  natural_environment: "protection",
  cultural_environment: "protection",
  protected_area_edge: "protection",
  reserved_protection: "protection",
  reserved_other: "protection",
};
/** The colour group of a zone kind; kinds that do not limit storage are "other". */
export const zoneGroupOf = (hazard: ZoneHazard): ZoneGroup => zoneGroupOfHazard[hazard] ?? "other";
