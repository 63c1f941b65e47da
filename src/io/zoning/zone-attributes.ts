import {
  nveZoneFamilyOf,
  plainName,
  planZoneAttributeNames,
  planZoneCode,
  planZoneTypeOf,
  quickClayHazardOf,
  type HazardZoneInput,
  type PlanZoneFamily,
} from "../../core/zoning/hazard-zones";
import { codeOf } from "./zoning-import";

/**
 * The attributes of one hazard or protection zone, read the same way from SOSI elements, GML
 * children and GeoJSON properties: the readers give the object type and a look-up by name, this
 * module says whether it is a zone, which, and what is wrong with it.
 */

/** A zone's meaning before its geometry and plan fields: what every reader hands to `ImportCollector.addZone`. */
export type ZoneAttributes = Pick<HazardZoneInput, "source" | "family" | "objectType" | "code" | "name" | "hazard" | "details">;

/** Looks up an attribute by any of `names` (already folded by `plainName`); undefined when absent or empty. */
export type AttributeLookup = (names: readonly string[]) => string | undefined;

/**
 * A lookup over plain key/value pairs (GeoJSON properties, SOSI elements, GML children). Keys are
 * folded by `plainName`. A key of exactly 10 characters also matches a longer name it begins:
 * Shapefile (DBF) field names are cut at 10 characters ("skredFareg" for skredFaregradKlasse).
 */
export function lookupIn(entries: Iterable<[string, unknown]>): AttributeLookup {
  const byName = new Map<string, string>();
  for (const [key, value] of entries) {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : undefined;
    if (text) byName.set(plainName(key), text);
  }
  return (names) => {
    for (const name of names) {
      const exact = byName.get(name);
      if (exact !== undefined) return exact;
    }
    for (const [key, value] of byName) {
      if (key.length === 10 && names.some((name) => name.length > 10 && name.startsWith(key))) return value;
    }
    return undefined;
  };
}

/** The attribute names as SOSI Plan's GML writes them, for messages. */
const attributeLabels: Readonly<Record<PlanZoneFamily, string>> = {
  sikring: "sikring",
  stoy: "støy",
  fare: "fare",
  infrastruktur: "infrastruktur",
  angitt_hensyn: "angittHensyn",
  bandlegging: "båndlegging",
};
const exampleCodes: Readonly<Record<PlanZoneFamily, number>> = { sikring: 110, stoy: 210, fare: 310, infrastruktur: 410, angitt_hensyn: 560, bandlegging: 720 };

/** The object type NVE's specifications give each map, for zones whose export dropped it. */
const nveDefaultObjectTypes = { nve_quick_clay: "KvikkleireFaresone", nve_landslide: "SkredFaresone", nve_flood: "FlomAreal" } as const;

// GML/GeoJSON names, then NVE's SOSI element names (SKREDFAREGR_KL, SKREDRISIKO_KL, SKREDSKADKONS_KL).
const faregradNames = ["skredfaregradklasse", "skredfaregrkl"];
const risikoklasseNames = ["skredrisikokvikkleireklasse", "skredrisikokl"];
const nveQuickClayClasses = [...faregradNames, ...risikoklasseNames];
const nveReturnPeriods = ["gjentaksinterval", "gjentaksintervall"];

/** The NVE family implied by attributes when the object type does not say (a plain GeoJSON export). */
function nveFamilyByAttributes(get: AttributeLookup): ZoneAttributes["family"] | undefined {
  if (get(nveQuickClayClasses) !== undefined) return "nve_quick_clay";
  if (get(["skredtype"]) !== undefined && get(["sannsynlighet", ...nveReturnPeriods]) !== undefined) return "nve_landslide";
  if (get([...nveReturnPeriods, "flomsoneid"]) !== undefined) return "nve_flood";
  return undefined;
}

/** Details worth keeping, by the name Massekart shows them under. */
const detailNames: readonly [string, string[]][] = [
  ["beskrivelse", ["beskrivelse"]],
  ["faregrad", faregradNames],
  ["risikoklasse", risikoklasseNames],
  ["konsekvens", ["skredskadekonsekvensklasse", "skredskadkonskl"]],
  ["kartlegging", ["skredkvalkartlegging", "statuskartlegging"]],
  ["gjentaksintervall", nveReturnPeriods],
  ["sannsynlighet", ["sannsynlighet"]],
  ["skredtype", ["skredtype"]],
  ["id", ["skredomrid", "flomsoneid", "lokalid"]],
];

function detailsOf(get: AttributeLookup): Record<string, string> {
  const details: Record<string, string> = {};
  for (const [label, names] of detailNames) {
    const value = get(names);
    if (value !== undefined) details[label] = value;
  }
  return details;
}

/** The code in a hensynssone's name as SOSI Plan forms it ("H360_1" → "360"), if it has that form. */
export function codeInZoneName(name: string | undefined): string | undefined {
  return name ? /^H(\d{3})(?:_|$)/i.exec(name.trim())?.[1] : undefined;
}

/**
 * Whether an object is a hazard or protection zone, and if so its attributes or the problem with
 * them. `undefined`: not a zone (a land-use area, a boundary line …). Plan zones are known by
 * their object type; NVE zones by theirs (KvikkleireFaresone, FlomAreal …) or, in exports that
 * drop it, by their attributes (skredFaregradKlasse, gjentaksinterval).
 */
export function readZoneAttributes(
  objectType: string | undefined,
  get: AttributeLookup,
): { ok: true; zone: ZoneAttributes } | { ok: false; problem: string } | undefined {
  const plan = objectType ? planZoneTypeOf(objectType) : undefined;
  if (plan && objectType) {
    const names = planZoneAttributeNames(plan.family);
    const zoneName = get(["hensynsonenavn"]);
    // Exports that drop the code field (a Shapefile or KML made from mixed object types) still
    // carry the zone's name, which SOSI Plan forms as "H" + the code + "_" + a number (H360_1).
    const raw = get(names) ?? codeInZoneName(zoneName);
    const attribute = attributeLabels[plan.family];
    if (raw === undefined) return { ok: false, problem: `${objectType} has no "${attribute}" code, so what the zone protects or warns of is unknown` };
    const code = codeOf(raw);
    if (code === undefined) return { ok: false, problem: `${objectType}: "${attribute}" is "${raw}", not a code (a number such as ${exampleCodes[plan.family]})` };
    const meaning = planZoneCode(plan.family, code);
    return {
      ok: true,
      zone: {
        source: "plan",
        family: plan.family,
        objectType,
        code,
        name: zoneName ?? "",
        hazard: meaning.hazard,
        details: detailsOf(get),
      },
    };
  }
  const family = (objectType ? nveZoneFamilyOf(objectType) : undefined) ?? nveFamilyByAttributes(get);
  if (!family) return undefined;
  const details = detailsOf(get);
  const hazard = family === "nve_quick_clay" ? quickClayHazardOf(details.faregrad, details.risikoklasse) : family === "nve_flood" ? "flood" : "landslide";
  return {
    ok: true,
    zone: {
      source: "nve",
      family,
      objectType: objectType ?? nveDefaultObjectTypes[family as keyof typeof nveDefaultObjectTypes],
      code: null,
      name: get(["skredomrnavn", "navn", "omradenavn", "flomsonenavn"]) ?? "",
      hazard,
      details,
    },
  };
}
