/**
 * Which road features a loaded truck may drive, and in which direction, read from the feature's
 * properties. The rules cover the three sources Massekart meets: NVDB (Statens vegvesen's road
 * database), Kartverket's N1000/FKB road links (SOSI names), and OSM-style tags. A property that is
 * absent never closes a road: unknown data is routed as a two-way road.
 *
 * Closed (the feature is left out of the graph; the reason is reported):
 * - `closed`: true / "yes" / "true" (Massekart's own flag);
 * - OSM `access`: "no" | "private"; `motor_vehicle`, `motorcar` or `hgv`: "no" (hgv = heavy goods vehicles);
 * - OSM `highway`: footway, cycleway, path, pedestrian, steps, bridleway, corridor, platform,
 *   proposed, construction, abandoned, razed;
 * - NVDB `trafikantgruppe`: "G" (gående og syklende: walking and cycling network);
 * - NVDB `fase`: "P" (planlagt: planned, not built);
 * - road type in NVDB `typeVeg`, its SOSI form `typeVeg_sosi`, or `type` (the shipped N1000 extract):
 *   Gang- og sykkelveg, Sykkelveg, Gangveg, Gågate, Fortau, Trapp, Gangfelt, Sti, Passasjerferje
 *   (compared without case, spaces or hyphens, so "gangOgSykkelveg" matches);
 * - car ferries (typeVeg "Bilferje", OSM `route=ferry`) only when `excludeFerries` is set.
 *
 * One-way:
 * - OSM `oneway`: "yes" | "true" | "1" | true → along the line's direction; "-1" | "reverse" → against it;
 *   "no" | "false" | "0" | false → two-way. Massekart's own `oneway`: "forward" | "backward" | "both".
 * - OSM `junction`: "roundabout" | "circular" implies one-way along the line unless `oneway` says otherwise.
 * - NVDB `feltoversikt` (or `kjørefelt`): the lane codes of the link, as an array or a string joined
 *   by "#", "," or spaces ("1#2", ["1", "3K"]). Odd lane numbers run with the link's metering
 *   direction (the geometry's direction), even numbers against it (NVDB datakatalog, Feltstrekning):
 *   only odd lanes → one-way forward, only even → one-way backward, both → two-way.
 *   NVDB's segment `retning` ("MED"/"MOT") is the road reference's direction relative to the link,
 *   not a driving restriction, so it is not read.
 */

export type TravelDirection = "both" | "forward" | "backward";

/** How a feature enters the graph: a road in the given direction, or left out with a reason. */
export type RoadAccess = { drivable: true; direction: TravelDirection } | { drivable: false; reason: string };

export interface RoadAccessOptions {
  /** Leave car ferries out (a truck on a ferry waits and pays). Default false: ferries are roads. */
  excludeFerries?: boolean;
}

type Properties = Readonly<Record<string, unknown>> | null | undefined;

const closedHighways = new Set([
  "footway",
  "cycleway",
  "path",
  "pedestrian",
  "steps",
  "bridleway",
  "corridor",
  "platform",
  "proposed",
  "construction",
  "abandoned",
  "razed",
]);

/** NVDB / SOSI road types a truck cannot use, normalised by `roadTypeKey`. */
const closedRoadTypes = new Set(["gangogsykkelveg", "sykkelveg", "gangveg", "gågate", "fortau", "trapp", "gangfelt", "sti", "passasjerferje"]);
const ferryRoadTypes = new Set(["bilferje", "ferje"]);

const roadTypeKey = (value: string) => value.toLowerCase().replace(/[\s_-]/g, "");

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value.trim().toLowerCase() : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;

/** Reads a feature's access and direction by the rules above. */
export function roadAccessOf(properties: Properties, { excludeFerries = false }: RoadAccessOptions = {}): RoadAccess {
  const p = properties ?? {};
  const closed = text(p.closed);
  if (closed === "true" || closed === "yes") return { drivable: false, reason: "closed (closed=" + closed + ")" };
  for (const key of ["access", "motor_vehicle", "motorcar", "hgv"]) {
    const value = text(p[key]);
    if (value === "no" || (key === "access" && value === "private")) return { drivable: false, reason: `not for trucks (${key}=${value})` };
  }
  const highway = text(p.highway);
  if (highway !== undefined && closedHighways.has(highway)) return { drivable: false, reason: `not a road for trucks (highway=${highway})` };
  if (text(p.trafikantgruppe) === "g") return { drivable: false, reason: "walking and cycling network (trafikantgruppe=G)" };
  if (text(p.fase) === "p") return { drivable: false, reason: "planned, not built (fase=P)" };
  for (const key of ["typeVeg", "typeVeg_sosi", "type"]) {
    const value = p[key];
    if (typeof value !== "string") continue;
    const type = roadTypeKey(value);
    if (closedRoadTypes.has(type)) return { drivable: false, reason: `not a road for trucks (${key}=${value})` };
    if (excludeFerries && ferryRoadTypes.has(type)) return { drivable: false, reason: `ferry left out (${key}=${value})` };
  }
  if (excludeFerries && text(p.route) === "ferry") return { drivable: false, reason: "ferry left out (route=ferry)" };
  return { drivable: true, direction: directionOf(p) };
}

function directionOf(p: Readonly<Record<string, unknown>>): TravelDirection {
  const oneway = text(p.oneway);
  if (oneway === "yes" || oneway === "true" || oneway === "1" || oneway === "forward") return "forward";
  if (oneway === "-1" || oneway === "reverse" || oneway === "backward") return "backward";
  if (oneway === "no" || oneway === "false" || oneway === "0" || oneway === "both") return "both";
  const lanes = laneCodes(p.feltoversikt ?? p["kjørefelt"]);
  if (lanes.length > 0) {
    const numbers = lanes.map((code) => Number.parseInt(code, 10)).filter((n) => Number.isFinite(n) && n > 0);
    const odd = numbers.some((n) => n % 2 === 1);
    const even = numbers.some((n) => n % 2 === 0);
    if (odd && !even) return "forward";
    if (even && !odd) return "backward";
  }
  const junction = text(p.junction);
  if (junction === "roundabout" || junction === "circular") return "forward";
  return "both";
}

function laneCodes(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return value.split(/[#,;\s]+/).filter((code) => code.length > 0);
  return [];
}
