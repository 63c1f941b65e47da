/**
 * Sites from a file's features (issue 13): polygons — or points, drawn as a circle of the radius or
 * area they carry — become sites, their name, kind, status, capacity and notes read from the
 * feature's properties under English or Norwegian field names (Shapefile names cut to 10
 * characters included). Pure: the features come in WGS84 degrees, read by src/io.
 *
 * Every feature that cannot become a site is listed with its index, the field at fault and why, as
 * a message; the import route writes the sites only when none is left out (one transaction).
 */
import { z } from "zod";
import { apiErrorSchema, apiFieldErrorSchema } from "../domain/api-error";
import { siteInputSchema, siteKinds, siteStatuses, type SiteInput, type SiteKind } from "../domain/records";
import type { AreaGeometry, LonLat } from "../geo/geometry";
import { planarAreaM2 } from "../geo/planar-area";
import { englishText, message, type Message } from "../messages/message";
import { issueMessage } from "../messages/zod-issues";
import { fileLayerSchema } from "../zoning/file-layers";

/** A feature as the readers hand it over, in WGS84 degrees. */
export interface SiteFeature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown } | null;
}

/** The sites' own fields and the property names each is read from (compared without case, accents or punctuation). */
export const siteFieldNames = {
  name: ["name", "navn", "sitename", "lokalitet", "lokalitetsnavn", "stedsnavn", "omradenavn", "tittel", "title", "label", "betegnelse"],
  kind: ["kind", "sitekind", "type", "art", "kategori", "category", "anleggstype", "typeanlegg"],
  status: ["status", "sitestatus", "planstatus"],
  capacityTonnes: ["capacitytonnes", "capacity", "capacityt", "kapasitet", "kapasitettonn", "kapasitett", "tonn", "tonnes"],
  notes: ["notes", "note", "merknad", "merknader", "beskrivelse", "description", "kommentar"],
  radiusM: ["radiusm", "radius", "radiusmeter"],
  areaM2: ["aream2", "area", "areal", "arealm2"],
} as const;

/** Words for each site kind, English and Norwegian (normalised as `normalise` does). */
const kindWords: Readonly<Record<SiteKind, readonly string[]>> = {
  storage: ["storage", "lager", "mellomlager", "mellomlagring", "massemellomlager", "mellomlagringsplass", "midlertidiglager"],
  landfill: ["landfill", "deponi", "mottak", "massemottak", "avfallsdeponi", "fylling", "massedeponi"],
  quarry: ["quarry", "massetak", "pukkverk", "steinbrudd", "uttak", "grustak", "sandtak"],
};
const statusWords: Readonly<Record<(typeof siteStatuses)[number], readonly string[]>> = {
  candidate: ["candidate", "kandidat"],
  proposed: ["proposed", "foreslatt", "forslag"],
  allocated: ["allocated", "avsatt", "tildelt"],
  in_use: ["inuse", "ibruk", "aktiv", "active"],
  closed: ["closed", "stengt", "avsluttet", "nedlagt"],
};

/** Radius of a circle drawn for a point without a radius or area, m. */
export const defaultPointRadiusM = 50;
/** Sides of the polygon that stands for a circle. */
const circleSides = 32;

/** Lower case without accents, spaces or punctuation: "Kapasitet (tonn)" → "kapasitettonn", "OMRÅDENAVN" → "omradenavn". */
export function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

/** Whether a property name stands for one of the names (a Shapefile's 10-character cut of it counts). */
function namesField(property: string, names: readonly string[]): boolean {
  const key = normalise(property);
  if (key === "") return false;
  return names.some((name) => name === key || (property.length === 10 && key.length >= 6 && name.startsWith(key)));
}

/** The property of the features that holds a field: the first of `names` any feature carries. */
function detectProperty(keys: readonly string[], names: readonly string[]): string | undefined {
  for (const name of names) {
    const found = keys.find((key) => namesField(key, [name]));
    if (found) return found;
  }
  return undefined;
}

/** Every property name the features carry, in the order first seen. */
export function propertyNames(features: readonly SiteFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features) for (const key of Object.keys(feature.properties ?? {})) names.add(key);
  return [...names];
}

/** A number from a cell: a number, or text such as "40 000" or "12,5". */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** A polygon of `circleSides` sides around a point, `radiusM` metres from it (a local flat-earth circle, fine at site sizes). */
export function circleAround([lon, lat]: LonLat, radiusM: number): AreaGeometry {
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  const ring: LonLat[] = [];
  for (let k = 0; k < circleSides; k++) {
    const angle = (2 * Math.PI * k) / circleSides;
    ring.push([lon + (radiusM * Math.cos(angle)) / metresPerDegreeLon, lat + (radiusM * Math.sin(angle)) / metresPerDegreeLat]);
  }
  ring.push(ring[0]!);
  return { type: "Polygon", coordinates: [ring] };
}

/** Positions with their height dropped, so a 3D outline reads as the 2D one. */
const flat = (value: unknown): unknown => (Array.isArray(value) && typeof value[0] === "number" ? [value[0], value[1]] : Array.isArray(value) ? value.map(flat) : value);

/** One feature left out of an import: its index in the layer, the field at fault and why. */
export const skippedFeatureSchema = apiFieldErrorSchema.omit({ path: true }).extend({
  feature: z.number().int().nonnegative(),
  /** The file's property at fault, or "geometry". */
  field: z.string(),
});
export type SkippedFeature = z.infer<typeof skippedFeatureSchema>;

/** One site an import would create (a dry run) or created. */
export const importedSitePreviewSchema = z.object({
  feature: z.number().int().nonnegative(),
  name: z.string(),
  kind: z.enum(siteKinds),
  status: z.enum(siteStatuses),
  capacityTonnes: z.number().optional(),
  areaM2: z.number(),
  /** "point" when the outline is a circle drawn around a point. */
  from: z.enum(["polygon", "point"]),
  /** The created site's id (after a real import). */
  id: z.string().optional(),
});
export type ImportedSitePreview = z.infer<typeof importedSitePreviewSchema>;

/** Which property each field was read from (absent: none found). */
export const siteFieldMappingSchema = z.object({
  name: z.string().optional(),
  kind: z.string().optional(),
  status: z.string().optional(),
  capacityTonnes: z.string().optional(),
  notes: z.string().optional(),
});

/** The answer of `POST /api/sites/import` (200 for a dry run, 201 after an import). */
export const siteImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** The layer read and every layer the file has (choose one with `layer=`). */
  layer: z.string(),
  layers: z.array(fileLayerSchema),
  sourceCrs: z.string(),
  features: z.number().int(),
  mapping: siteFieldMappingSchema,
  /** Property names the features carry, for choosing the name property. */
  properties: z.array(z.string()),
  sites: z.array(importedSitePreviewSchema),
  skipped: z.array(skippedFeatureSchema),
  created: z.number().int(),
  /** What the reader noticed without stopping (a guessed encoding, a missing .prj …), as it says it. */
  warnings: z.array(z.string()),
});
export type SiteImportReport = z.infer<typeof siteImportReportSchema>;

/** 400 for a file with features that cannot become sites: the error with the report beside it. */
export const siteImportRefusalSchema = apiErrorSchema.extend(siteImportReportSchema.shape);
/** 400 for a file that cannot be read: the error, with the file's layers when it has several. */
export const siteFileRefusalSchema = apiErrorSchema.extend({ layers: z.array(fileLayerSchema).optional() });

export interface SiteImportOptions {
  /** The property holding each site's name; detected when absent. */
  nameProperty?: string | undefined;
  /** Kind of sites whose feature says none (default storage). */
  defaultKind?: SiteKind;
  /** Name stem of sites without a name property: "<stem> 1", "<stem> 2" … (the layer's name). */
  nameStem: string;
}

export type SitesFromFeatures =
  | { ok: true; sites: { feature: number; input: SiteInput; from: "polygon" | "point" }[]; skipped: SkippedFeature[]; mapping: z.infer<typeof siteFieldMappingSchema> }
  | { ok: false; problem: Message };

const skip = (feature: number, field: string, m: Message): SkippedFeature => ({ feature, field, message: englishText(m), key: m.key, params: m.params });

/**
 * The sites a layer's features stand for, and the features left out with the reason.
 * A `nameProperty` that no feature carries is the one problem that stops it.
 */
export function sitesFromFeatures(features: readonly SiteFeature[], options: SiteImportOptions): SitesFromFeatures {
  const keys = propertyNames(features);
  let nameKey: string | undefined;
  if (options.nameProperty !== undefined && options.nameProperty.trim() !== "") {
    const wanted = options.nameProperty.trim().toLowerCase();
    nameKey = keys.find((key) => key.toLowerCase() === wanted);
    if (!nameKey) return { ok: false, problem: message("siteImport.noSuchProperty", { property: options.nameProperty, properties: keys.length > 0 ? keys : ["–"] }) };
  } else {
    nameKey = detectProperty(keys, siteFieldNames.name);
  }
  const mapping = {
    name: nameKey,
    kind: detectProperty(keys, siteFieldNames.kind),
    status: detectProperty(keys, siteFieldNames.status),
    capacityTonnes: detectProperty(keys, siteFieldNames.capacityTonnes),
    notes: detectProperty(keys, siteFieldNames.notes),
  };
  const radiusKey = detectProperty(keys, siteFieldNames.radiusM);
  const areaKey = detectProperty(keys, siteFieldNames.areaM2);

  const sites: { feature: number; input: SiteInput; from: "polygon" | "point" }[] = [];
  const skipped: SkippedFeature[] = [];
  features.forEach((feature, index) => {
    const properties = feature.properties ?? {};
    const problems: SkippedFeature[] = [];
    const fieldProblem = (field: string, m: Message) => problems.push(skip(index, field, m));

    // Name: the property's text, or "<layer> <n>" when the file has no name property at all.
    let name = `${options.nameStem} ${index + 1}`;
    if (mapping.name) {
      const value = properties[mapping.name];
      if (isBlank(value)) fieldProblem(mapping.name, message("siteImport.noName"));
      else name = String(value).trim().replace(/\s+/g, " ");
    }

    let kind: SiteKind = options.defaultKind ?? "storage";
    if (mapping.kind && !isBlank(properties[mapping.kind])) {
      const word = normalise(String(properties[mapping.kind]));
      const found = (Object.keys(kindWords) as SiteKind[]).find((k) => kindWords[k].includes(word));
      if (found) kind = found;
      else fieldProblem(mapping.kind, message("siteImport.unknownKind", { value: String(properties[mapping.kind]) }));
    }

    let status: (typeof siteStatuses)[number] = "candidate";
    if (mapping.status && !isBlank(properties[mapping.status])) {
      const word = normalise(String(properties[mapping.status]));
      const found = (Object.keys(statusWords) as (typeof siteStatuses)[number][]).find((s) => statusWords[s].includes(word));
      if (found) status = found;
      else fieldProblem(mapping.status, message("siteImport.unknownStatus", { value: String(properties[mapping.status]) }));
    }

    let capacityTonnes: number | undefined;
    if (mapping.capacityTonnes && !isBlank(properties[mapping.capacityTonnes])) {
      capacityTonnes = numberOf(properties[mapping.capacityTonnes]);
      if (capacityTonnes === undefined) fieldProblem(mapping.capacityTonnes, message("siteImport.notNumber", { value: String(properties[mapping.capacityTonnes]) }));
    }
    const notes = mapping.notes && !isBlank(properties[mapping.notes]) ? String(properties[mapping.notes]) : "";

    // The outline: a polygon as it is; a point as a circle of its radius or area, else the default radius.
    let geometry: unknown;
    let from: "polygon" | "point" = "polygon";
    const g = feature.geometry;
    if (!g) fieldProblem("geometry", message("siteImport.noGeometry"));
    else if (g.type === "Polygon" || g.type === "MultiPolygon") geometry = { type: g.type, coordinates: flat(g.coordinates) };
    else if (g.type === "Point" && Array.isArray(g.coordinates) && typeof g.coordinates[0] === "number" && typeof g.coordinates[1] === "number") {
      from = "point";
      const radius = radiusKey ? numberOf(properties[radiusKey]) : undefined;
      const area = areaKey ? numberOf(properties[areaKey]) : undefined;
      const radiusM = radius !== undefined && radius > 0 ? radius : area !== undefined && area > 0 ? Math.sqrt(area / Math.PI) : defaultPointRadiusM;
      geometry = circleAround([g.coordinates[0], g.coordinates[1]], radiusM);
    } else fieldProblem("geometry", message("siteImport.notAnArea", { type: g.type }));

    if (problems.length === 0) {
      const candidate = { name, kind, status, geometry, notes, ...(capacityTonnes !== undefined ? { capacityTonnes } : {}) };
      const parsed = siteInputSchema.safeParse(candidate);
      if (parsed.success) sites.push({ feature: index, input: parsed.data, from });
      else {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          const top = String(issue.path[0] ?? "geometry");
          const field = top === "name" ? (mapping.name ?? "name") : top === "capacityTonnes" ? (mapping.capacityTonnes ?? top) : top === "notes" ? (mapping.notes ?? top) : "geometry";
          fieldProblem(field, issueMessage(issue));
        }
      }
    }
    skipped.push(...problems);
  });
  return { ok: true, sites, skipped, mapping };
}

/** The preview line of a site to create. */
export const previewOf = (site: { feature: number; input: SiteInput; from: "polygon" | "point" }, id?: string): ImportedSitePreview => ({
  feature: site.feature,
  name: site.input.name,
  kind: site.input.kind,
  status: site.input.status,
  ...(site.input.capacityTonnes !== undefined ? { capacityTonnes: site.input.capacityTonnes } : {}),
  areaM2: Math.round(planarAreaM2(site.input.geometry)),
  from: site.from,
  ...(id ? { id } : {}),
});
