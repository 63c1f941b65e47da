/**
 * Pure converters from API records to the GeoJSON the map draws. Feature properties are flat
 * scalars only: MapLibre turns nested values into JSON strings, and the details panel reads the
 * full record from the store by `id` anyway.
 */
import type { Feature, FeatureCollection } from "geojson";
import type { Project, Site, SiteKind, ZoningArea } from "../../core/domain/records";
import { representativePoint, type AreaGeometry, type LocationGeometry, type PointGeometry } from "../../core/geo/geometry";
import {
  categoryColour,
  categoryOfCode,
  describeArealformaal,
  type ZoningCategory,
} from "../../core/zoning/arealformaal";
import type { SpecialFlag } from "../../core/special-masses/flags";
import type { ProjectSummary } from "../../core/domain/registry-api";
import type { HazardZone, ZoneHazard } from "../../core/zoning/hazard-zones";
import { translate, type Lang } from "../i18n/i18n";
import { zoneColours, zoneGroupOf, type ProjectBalance, type ZoneGroup } from "./palette";

export interface ProjectFeatureProperties {
  id: string;
  name: string;
  status: Project["status"];
  balance: ProjectBalance;
  surplusTonnes: number;
  demandTonnes: number;
}

/** A project as one point (polygons at their middle), for sized circles and clustering. */
export interface ProjectPointProperties extends ProjectFeatureProperties {
  /** Surplus + demand: what the circle's area stands for. */
  totalTonnes: number;
  /** Whether the project's real location is an area (drawn as a polygon as well). */
  isArea: boolean;
  /** Short codes of the special masses its surplus lots carry ("KL AS"), "" for none: the map's warning symbol. */
  specialMasses: string;
}

/**
 * The map's short code per special mass (DESIGN §8): KL kvikkleire, AS alunskifer/syredannende
 * bergart, FA fremmede arter — the Norwegian initials a coordinator knows; the legend says them out.
 */
export const specialMassCodes: Readonly<Record<SpecialFlag, string>> = { quick_clay: "KL", acid_forming: "AS", invasive_species: "FA" };

/** The codes of the special masses a project's live surplus lots carry, in the flags' order. */
export function projectSpecialMasses(project: Pick<ProjectSummary, "specialMasses">): string {
  return project.specialMasses.map((flag) => specialMassCodes[flag]).join(" ");
}

/** What the map draws of a project: its summary (`GET /api/map/projects`), lots summed by the server's `lotSums`. */
export type MapProject = Pick<ProjectSummary, "id" | "name" | "status" | "location" | "surplusTonnes" | "demandTonnes" | "specialMasses">;

export interface SiteFeatureProperties {
  id: string;
  name: string;
  kind: SiteKind;
  status: Site["status"];
}

export interface ZoningFeatureProperties {
  id: string;
  code: number;
  codeList: ZoningArea["codeList"];
  /** Name of the code in the SOSI list (Norwegian, as published), "" if the list lacks the code. */
  codeName: string;
  category: ZoningCategory;
  categoryLabel: string;
  colour: string;
  planId: string;
  status: ZoningArea["status"];
}

export interface HazardZoneFeatureProperties {
  id: string;
  hazard: ZoneHazard;
  hazardLabel: string;
  /** hensynSonenavn (H310_1) or NVE's name; "" when none. */
  name: string;
  objectType: string;
  /** The zone's code, −1 for NVE zones (MapLibre keeps no nulls in properties). */
  code: number;
  group: ZoneGroup;
  colour: string;
  planId: string;
}

/**
 * Whether a project is mainly surplus, mainly demand, or both: a side is "mainly" when it holds
 * at least twice the tonnes of the other, so a project that digs out 10 000 t and takes back
 * 2 000 t reads as a giver on the map. No lots (or 0 t) is "none".
 */
export function projectBalance({ surplusTonnes, demandTonnes }: Pick<ProjectSummary, "surplusTonnes" | "demandTonnes">): ProjectBalance {
  if (surplusTonnes <= 0 && demandTonnes <= 0) return "none";
  if (surplusTonnes >= 2 * demandTonnes) return "surplus";
  if (demandTonnes >= 2 * surplusTonnes) return "demand";
  return "both";
}

function collection<G extends LocationGeometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: "FeatureCollection", features };
}

/** Projects as features: points stay points, polygon locations stay polygons. */
export function projectsToFeatures(
  projects: readonly MapProject[],
): FeatureCollection<LocationGeometry, ProjectFeatureProperties> {
  return collection(
    projects.map((project) => ({
      type: "Feature",
      geometry: project.location,
      properties: {
        id: project.id,
        name: project.name,
        status: project.status,
        balance: projectBalance(project),
        surplusTonnes: project.surplusTonnes,
        demandTonnes: project.demandTonnes,
      },
    })),
  );
}

/**
 * Every project as one point: a point location as is, an area at its middle. The map clusters
 * these at low zoom and sizes each circle by the project's tonnes.
 */
export function projectPointsToFeatures(projects: readonly MapProject[]): FeatureCollection<PointGeometry, ProjectPointProperties> {
  return {
    type: "FeatureCollection",
    features: projects.map((project) => {
      const tonnes = { surplusTonnes: project.surplusTonnes, demandTonnes: project.demandTonnes };
      return {
        type: "Feature",
        geometry: { type: "Point", coordinates: representativePoint(project.location) },
        properties: {
          id: project.id,
          name: project.name,
          status: project.status,
          balance: projectBalance(project),
          ...tonnes,
          totalTonnes: tonnes.surplusTonnes + tonnes.demandTonnes,
          isArea: project.location.type !== "Point",
          specialMasses: projectSpecialMasses(project),
        },
      };
    }),
  };
}

/** Only the projects located by an area, for the polygon fill beneath the circles. */
export function projectAreasToFeatures(projects: readonly MapProject[]): FeatureCollection<LocationGeometry, ProjectFeatureProperties> {
  return projectsToFeatures(projects.filter((project) => project.location.type !== "Point"));
}

/** The sites of one kind as features (one source per kind, so each kind toggles on its own). */
export function sitesToFeatures(
  sites: readonly Site[],
  kind: SiteKind,
): FeatureCollection<AreaGeometry, SiteFeatureProperties> {
  return collection(
    sites
      .filter((site) => site.kind === kind)
      .map((site) => ({
        type: "Feature",
        geometry: site.geometry,
        properties: { id: site.id, name: site.name, kind: site.kind, status: site.status },
      })),
  );
}

/** Hazard and protection zones as features with their colour group and a label in `lang`. */
export function hazardZonesToFeatures(zones: readonly HazardZone[], lang: Lang): FeatureCollection<AreaGeometry, HazardZoneFeatureProperties> {
  return collection(
    zones.map((zone) => ({
      type: "Feature",
      geometry: zone.geometry,
      properties: {
        id: zone.id,
        hazard: zone.hazard,
        hazardLabel: translate(lang, `hazard.${zone.hazard}`),
        name: zone.name,
        objectType: zone.objectType,
        code: zone.code ?? -1,
        group: zoneGroupOf(zone.hazard),
        colour: zoneColours[zoneGroupOf(zone.hazard)],
        planId: zone.planId,
      },
    })),
  );
}

/** Zoning areas as features with their category, its colour and its name in `lang`. */
export function zoningToFeatures(
  areas: readonly ZoningArea[],
  lang: Lang,
): FeatureCollection<AreaGeometry, ZoningFeatureProperties> {
  return collection(
    areas.map((area) => {
      const info = describeArealformaal(area.codeList, area.code);
      const category = info?.category ?? categoryOfCode(area.code);
      return {
        type: "Feature",
        geometry: area.geometry,
        properties: {
          id: area.id,
          code: area.code,
          codeList: area.codeList,
          codeName: info?.name ?? "",
          category,
          categoryLabel: translate(lang, `zoningCategory.${category}`),
          colour: categoryColour(category),
          planId: area.planId,
          status: area.status,
        },
      };
    }),
  );
}
