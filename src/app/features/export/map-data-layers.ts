/**
 * What a scenario's map-data export holds, one layer per kind (issue 13): the flows as lines with
 * tonnes, month and material; the sites with kind, status, capacity and verdict; the projects at
 * their location with their surplus and demand totals; the suitability report of each rated site;
 * and the zoning areas. WGS84 GeoJSON features; the writers project to EPSG:25832. Pure.
 */
import type { Project, Site, ZoningArea } from "../../../core/domain/records";
import type { OutputLayer } from "../../../io/formats/vector-data";
import type { RankingItem } from "../../../core/suitability/report";
import type { Endpoints } from "./endpoints";
import { flowsToGeoJson, sitesToGeoJson } from "./flows-geojson";
import type { Flow } from "../../../core/matching/result";

/** Layer names as they appear in QGIS and in the zip's file names. */
export const mapDataLayerNames = { flows: "transporter", sites: "lagre", projects: "prosjekter", suitability: "egnethet", zoning: "arealformal" } as const;

/** A project as a feature: its location, and its live lots summed per direction in tonnes. */
function projectFeature(project: Project) {
  const lots = project.lots.filter((lot) => !lot.deletedAt);
  const sum = (direction: "surplus" | "demand") => lots.filter((lot) => lot.direction === direction).reduce((total, lot) => total + lot.tonnes, 0);
  return {
    type: "Feature" as const,
    geometry: project.location,
    properties: {
      id: project.id,
      name: project.name,
      status: project.status,
      surplusTonnes: sum("surplus"),
      demandTonnes: sum("demand"),
      lots: lots.length,
      illustrative: project.illustrative,
    },
  };
}

/** A rated site's report as a feature on the site's outline; a site that could not be rated says why. */
function suitabilityFeature(item: RankingItem, site: Site | undefined) {
  return {
    type: "Feature" as const,
    geometry: site?.geometry ?? null,
    properties: {
      siteId: item.siteId,
      name: item.name,
      verdict: item.report?.verdict ?? null,
      areaM2: item.report ? Math.round(item.report.areaM2) : null,
      capacityTonnes: item.report ? Math.round(item.report.capacityTonnes) : null,
      capacityM3: item.report ? Math.round(item.report.capacityM3) : null,
      reasons: item.report ? item.report.reasons.join("; ") : (item.problem ?? ""),
    },
  };
}

export interface MapDataInput {
  flows: readonly Flow[];
  endpoints: Endpoints;
  sites: readonly Site[];
  /** Sites in play in the scenario (null: every site not closed). */
  siteIds: readonly string[] | null;
  projects: readonly Project[];
  ranking: readonly RankingItem[];
  zoning: readonly ZoningArea[];
}

/** A feature with typed properties as the writers take it (a plain record of attributes). */
const withOpenProperties = <F extends { properties: object }>(feature: F) => ({ ...feature, properties: { ...feature.properties } as Record<string, unknown> });

/** The layers of a scenario's map-data export; empty kinds are left out (a GeoPackage table needs a geometry type). */
export function mapDataLayers(input: MapDataInput): OutputLayer[] {
  const sitesById = new Map(input.sites.map((site) => [site.id, site]));
  const verdicts = new Map(input.ranking.flatMap((item) => (item.report ? [[item.siteId, item.report.verdict] as const] : [])));
  const layers: OutputLayer[] = [
    { name: mapDataLayerNames.flows, features: flowsToGeoJson(input.flows, input.endpoints).features.map(withOpenProperties) },
    { name: mapDataLayerNames.sites, features: sitesToGeoJson(input.sites, { verdicts, siteIds: input.siteIds }).features.map(withOpenProperties) },
    { name: mapDataLayerNames.projects, features: input.projects.filter((project) => !project.deletedAt).map(projectFeature) },
    { name: mapDataLayerNames.suitability, features: input.ranking.map((item) => suitabilityFeature(item, sitesById.get(item.siteId))) },
    {
      name: mapDataLayerNames.zoning,
      features: input.zoning.map((area) => ({
        type: "Feature" as const,
        geometry: area.geometry,
        properties: { planId: area.planId, planName: area.planName, code: area.code, codeList: area.codeList, status: area.status, illustrative: area.illustrative },
      })),
    },
  ];
  return layers.filter((layer) => layer.features.length > 0);
}

/** What a standalone export holds (issue 13): the sites view's sites, their suitability and the zoning; or the projects with their totals. */
export type RegistryExport = "sites" | "projects";

export interface RegistryData {
  sites: readonly Site[];
  projects: readonly Project[];
  ranking: readonly RankingItem[];
  zoning: readonly ZoningArea[];
}

/** The layers of a standalone export: the scenario export's layers of that view, without flows. */
export function registryLayers(what: RegistryExport, data: RegistryData): OutputLayer[] {
  const sitesView = what === "sites";
  return mapDataLayers({
    flows: [],
    endpoints: new Map(),
    sites: sitesView ? data.sites : [],
    siteIds: null,
    projects: sitesView ? [] : data.projects,
    ranking: sitesView ? data.ranking : [],
    zoning: sitesView ? data.zoning : [],
  });
}
