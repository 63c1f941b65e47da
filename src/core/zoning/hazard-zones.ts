/**
 * Hazard and protection zones (DESIGN §8): the hensynssoner of plan data (RpFareSone, KpSikringSone
 * …) and NVE's hazard maps (quick-clay and landslide hazard zones, flood zones). They lie over the
 * zoning, so a site has both a land use and, maybe, a hazard; the suitability report rates a site
 * against both. Pure: the readers in src/io turn files into `HazardZoneInput`s with these helpers.
 */
import { z } from "zod";
import { areaGeometrySchema } from "../geo/geometry";

/**
 * The hensynssone families of SOSI Plan (pbl. § 11-8 tredje ledd / § 12-6), each an object type in
 * reguleringsplan (`Rp…Sone`) and kommuneplan (`Kp…Sone`) with one code attribute, and NVE's
 * hazard maps. Gjennomføring- and detaljeringssoner (810–830, 910) say nothing about the ground
 * and are not read.
 */
export const zoneFamilies = [
  "sikring",
  "stoy",
  "fare",
  "infrastruktur",
  "angitt_hensyn",
  "bandlegging",
  "nve_quick_clay",
  "nve_landslide",
  "nve_flood",
] as const;
export type ZoneFamily = (typeof zoneFamilies)[number];
export type PlanZoneFamily = Exclude<ZoneFamily, `nve_${string}`>;

/**
 * What a zone means for a storage or receiving site, the key of the suitability rule that rates it
 * (`data/suitability-rules.json`, `zones.hazards`) and of the UI's words for it.
 */
export const zoneHazards = [
  "landslide",
  "quick_clay",
  "quick_clay_cleared",
  "flood",
  "drinking_water",
  "safety_zone",
  "noise",
  "radon",
  "fire_explosion",
  "shooting_range",
  "high_voltage",
  "military",
  "other_hazard",
  "infrastructure",
  "agriculture",
  "reindeer",
  "outdoor_recreation",
  "green_structure",
  "landscape",
  "natural_environment",
  "cultural_environment",
  "protected_area_edge",
  "mineral_resources",
  "reserved_protection",
  "reserved_other",
  "unknown",
] as const;
export type ZoneHazard = (typeof zoneHazards)[number];

/** A code of a plan zone family: its Norwegian name (SOSI Plan) and what it means for a site. */
interface ZoneCode {
  name: string;
  hazard: ZoneHazard;
}

/**
 * The code lists of the plan zone families with their names as SOSI Plan 5.0 gives them (package
 * Pbl2008: KpSikringSoneType / RpSikringSoneType, StøySoneType, FareSoneType,
 * InfrastrukturSoneType, AngittHensynSoneType, BåndleggingSoneType; the same codes as SOSI Plan
 * 4.5). Note: 350 is brann-/eksplosjonsfare and 380 sone for militær virksomhet.
 */
export const planZoneCodes: Readonly<Record<PlanZoneFamily, Readonly<Record<number, ZoneCode>>>> = {
  sikring: {
    110: { name: "Nedslagsfelt drikkevann", hazard: "drinking_water" },
    120: { name: "Område for grunnvannsforsyning", hazard: "drinking_water" },
    130: { name: "Byggeforbud rundt veg, bane og flyplass", hazard: "safety_zone" },
    140: { name: "Frisikt", hazard: "safety_zone" },
    190: { name: "Andre sikringssoner", hazard: "safety_zone" },
  },
  stoy: {
    210: { name: "Rød sone iht. T-1442", hazard: "noise" },
    220: { name: "Gul sone iht. T-1442", hazard: "noise" },
    230: { name: "Grønn sone iht. T-1442", hazard: "noise" },
    290: { name: "Andre støysoner", hazard: "noise" },
  },
  fare: {
    310: { name: "Ras- og skredfare", hazard: "landslide" },
    320: { name: "Flomfare", hazard: "flood" },
    330: { name: "Radon", hazard: "radon" },
    350: { name: "Brann-/eksplosjonsfare", hazard: "fire_explosion" },
    360: { name: "Skytebane", hazard: "shooting_range" },
    370: { name: "Høyspenningsanlegg (inkl. høyspentkabler)", hazard: "high_voltage" },
    380: { name: "Sone for militær virksomhet", hazard: "military" },
    390: { name: "Annen fare", hazard: "other_hazard" },
  },
  infrastruktur: {
    410: { name: "Krav vedrørende infrastruktur", hazard: "infrastructure" },
    430: { name: "Rekkefølgekrav infrastruktur", hazard: "infrastructure" },
    440: { name: "Rekkefølgekrav samfunnsservice", hazard: "infrastructure" },
    450: { name: "Rekkefølgekrav grønnstruktur", hazard: "infrastructure" },
  },
  angitt_hensyn: {
    510: { name: "Hensyn landbruk", hazard: "agriculture" },
    520: { name: "Hensyn reindrift", hazard: "reindeer" },
    530: { name: "Hensyn friluftsliv", hazard: "outdoor_recreation" },
    540: { name: "Hensyn grønnstruktur", hazard: "green_structure" },
    550: { name: "Hensyn landskap", hazard: "landscape" },
    560: { name: "Bevaring naturmiljø", hazard: "natural_environment" },
    570: { name: "Bevaring kulturmiljø", hazard: "cultural_environment" },
    580: { name: "Randområder til verneområde", hazard: "protected_area_edge" },
    590: { name: "Sikring av mineralressurser", hazard: "mineral_resources" },
  },
  bandlegging: {
    700: { name: "Båndlegging – generalisert (utgått)", hazard: "reserved_other" },
    710: { name: "Båndlegging for regulering etter pbl.", hazard: "reserved_other" },
    720: { name: "Båndlegging etter naturvernloven", hazard: "reserved_protection" },
    730: { name: "Båndlegging etter kulturminneloven", hazard: "reserved_protection" },
    735: { name: "Båndlegging etter markaloven", hazard: "reserved_protection" },
    740: { name: "Båndlegging etter andre lover", hazard: "reserved_other" },
    750: { name: "Båndlegging etter vegloven", hazard: "reserved_other" },
  },
};

/**
 * Each plan family's object type stem and the names its code attribute goes by: the GML/GeoJSON
 * attribute (`fare`, `angittHensyn` …) and the SOSI elements (`..RPFARE`, `..KPFARE`, and the bare
 * `..FARE` some exports write). Compared after `plainName` (lower case, æøå folded).
 */
const planFamilies: readonly { family: PlanZoneFamily; stem: string; attribute: string }[] = [
  { family: "sikring", stem: "sikring", attribute: "sikring" },
  { family: "stoy", stem: "stoy", attribute: "stoy" },
  { family: "fare", stem: "fare", attribute: "fare" },
  { family: "infrastruktur", stem: "infrastruktur", attribute: "infrastruktur" },
  { family: "angitt_hensyn", stem: "angitthensyn", attribute: "angitthensyn" },
  { family: "bandlegging", stem: "bandlegging", attribute: "bandlegging" },
];

/** Lower case without Norwegian letters or separators: "RpStøySone" → "rpstoysone", "KP_FARE" → "kpfare". */
export const plainName = (name: string) =>
  name
    .toLowerCase()
    .replace(/å/g, "a")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/[\s_.-]/g, "");

/** The plan zone an object type names ("RpFareSone", "KpSikringSone", "RpStøySone" …), or undefined. */
export function planZoneTypeOf(objectType: string): { family: PlanZoneFamily; codeList: "rp" | "kp" } | undefined {
  const match = /^(rp|kp)(.+)sone$/.exec(plainName(objectType));
  if (!match) return undefined;
  const entry = planFamilies.find((candidate) => candidate.stem === match[2]);
  return entry ? { family: entry.family, codeList: match[1] as "rp" | "kp" } : undefined;
}

/** The names the code attribute of a plan zone family may have in a file, folded by `plainName`. */
export function planZoneAttributeNames(family: PlanZoneFamily): string[] {
  const attribute = planFamilies.find((entry) => entry.family === family)!.attribute;
  return [attribute, `rp${attribute}`, `kp${attribute}`];
}

/** The meaning of a plan zone's code; a code the list lacks is "unknown" (rated with caution). */
export function planZoneCode(family: PlanZoneFamily, code: number): ZoneCode {
  return planZoneCodes[family][code] ?? { name: `kode ${code}`, hazard: "unknown" };
}

/** The stored zone (what the import writes and the report reads). */
export const hazardZoneInputSchema = z.object({
  /** `plan`: a hensynssone of a kommuneplan or reguleringsplan; `nve`: an NVE hazard map. */
  source: z.enum(["plan", "nve"]),
  family: z.enum(zoneFamilies),
  /** The object type as the file names it: "RpFareSone", "KpSikringSone", "KvikkleireFaresone", "FlomAreal". */
  objectType: z.string().min(1),
  /** The family's code (310 ras- og skredfare …); null for NVE zones, which have none. */
  code: z.number().int().positive().nullable(),
  /** `hensynSonenavn` (H310_1) of a plan zone, or NVE's name of the zone (skredOmrNavn); "" when none. */
  name: z.string(),
  hazard: z.enum(zoneHazards),
  /** What else the file says that a planner reads: faregrad, risikoklasse, gjentaksintervall … */
  details: z.record(z.string(), z.string()).default({}),
  /** The plan's id, or the NVE data set's ("nve:quick_clay", or the id the import was given). */
  planId: z.string().min(1),
  planName: z.string(),
  status: z.enum(["in_force", "proposed", "repealed"]),
  geometry: areaGeometrySchema,
});
export type HazardZoneInput = z.infer<typeof hazardZoneInputSchema>;
/** A stored zone as `GET /api/zoning/zones` answers it. */
export const hazardZoneSchema = hazardZoneInputSchema.extend({ id: z.string() });
export type HazardZone = z.infer<typeof hazardZoneSchema>;

/** A zone's code name, for words: "Ras- og skredfare", or the NVE map's kind. */
export function zoneCodeName(zone: Pick<HazardZoneInput, "family" | "code" | "hazard">): string {
  if (zone.family === "nve_quick_clay") return zone.hazard === "quick_clay_cleared" ? "Kvikkleire: ingen fare påvist" : "Kvikkleiresone";
  if (zone.family === "nve_landslide") return "Skredfaresone";
  if (zone.family === "nve_flood") return "Flomsone";
  return zone.code === null ? "" : planZoneCode(zone.family, zone.code).name;
}

// --- NVE hazard maps --------------------------------------------------------------------------

/**
 * NVE's object types (SOSI product specifications "Skredfaresoner" (KvikkleireFaresone,
 * SkredFaresone) and "Flomsoner" (FlomAreal), and the aktsomhet maps), folded by `plainName`,
 * with the family they belong to. Analysis areas and boundaries (Analyseområde, …Avgr, …Grense)
 * are not zones.
 */
const nveObjectTypes: readonly [RegExp, ZoneFamily][] = [
  [/^kvikkleire(faresone|skredaktsomhet|risiko|fareklasse)?$/, "nve_quick_clay"],
  [/^(skredfaresone|skredaktsomhetomr|potensieltskredfareomr|jordogflomskredaktsomhet|snoskredaktsomhet|steinsprangaktsomhet)$/, "nve_landslide"],
  [/^(flomareal|flomsone|flomaktsomhetomr|flomaktsomhet)$/, "nve_flood"],
];

/** NVE's family of an object type ("KvikkleireFaresone" → nve_quick_clay), or undefined. */
export function nveZoneFamilyOf(objectType: string): Extract<ZoneFamily, `nve_${string}`> | undefined {
  const plain = plainName(objectType);
  return nveObjectTypes.find(([pattern]) => pattern.test(plain))?.[1] as Extract<ZoneFamily, `nve_${string}`> | undefined;
}

/**
 * The quick-clay hazard of an NVE KvikkleireFaresone from its classes: `skredFaregradKlasse`
 * "Ingen" (no quick clay or brittle material found, or terrain where a slide cannot happen) or
 * `skredRisikoKvikkleireKlasse` "Risikoklasse 0" is cleared; Lav, Middels, Høy and classes 1–5
 * are a hazard. NVE's product specification "Skredfaresoner" (SOSI, v1.3), code lists
 * SkredFaregradKlasse and SkredRisikoKvikkleireKlasse. Without either class it is a hazard.
 */
export function quickClayHazardOf(faregrad: string | undefined, risikoklasse: string | undefined): "quick_clay" | "quick_clay_cleared" {
  const grade = faregrad === undefined ? undefined : plainName(faregrad);
  const risk = risikoklasse === undefined ? undefined : /(\d)/.exec(risikoklasse)?.[1];
  if (grade === "ingen" || risk === "0") return "quick_clay_cleared";
  return "quick_clay";
}
