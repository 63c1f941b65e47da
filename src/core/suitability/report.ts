import { areaGeometrySchema, bboxOf, type AreaGeometry, type Bbox } from "../geo/geometry";
import { geometryOutsideNorway } from "../geo/norway";
import { planarAreaM2 } from "../geo/planar-area";
import { firstSelfIntersection } from "../geo/self-intersection";
import { metresPerDegree, metresPerDegreeLon } from "../haul/geodesy";
import { haulLocationOf } from "../haul/haul-points";
import { z } from "zod";
import { siteKinds, siteStatuses } from "../domain/records";
import { zoningCategories } from "../zoning/arealformaal";
import { categoryOfCode } from "../zoning/zoning-categories";
import { codeName } from "./code-name";
import { capacityAssumptionsSchema, siteCapacityEstimate } from "./capacity";
import { localPlane, toPlane } from "./local-plane";
import { meanHaul, type DistanceFunction, type HaulLot } from "./mean-haul";
import { conflictReason, overlappingReason, roadReason, suitabilityReasonSchema, unzonedReason, zoningReason, type SuitabilityReason } from "./reasons";
import { nearestRoadM, type RoadIndex } from "./road-index";
import { defaultSuitabilityRules, zoneHazardRules, zoningRuleValues, type SuitabilityRules, type ZoningRule } from "./rules";
import { zoneEntrySchema, zoneFindings, type SuitabilityHazardZone } from "./zone-findings";
import { zoningConflicts } from "./zoning-conflicts";
import { buildZoningIndex, isZoningIndex, type SuitabilityZoning, type ZoningIndex } from "./zoning-index";
import { zoningOverlap } from "./zoning-overlap";
import { englishText, message, messageSchema, type Message } from "../messages/message";
import { issueMessage } from "../messages/zod-issues";

/**
 * A site to rate: a stored Site record fits, and so does the CLI's GeoJSON Feature (geometry plus
 * its properties). Stack height, usable share and density fall back to the rules' defaults.
 */
export interface SuitabilitySite {
  id?: string;
  name?: string;
  /** WGS84 polygon. */
  geometry: AreaGeometry;
  stackHeightM?: number;
  usableShare?: number;
  densityTonnesPerM3?: number;
}

export interface SuitabilityOptions {
  /** Rules (default: data/suitability-rules.json). */
  rules?: SuitabilityRules;
  /** Road centre lines from `buildRoadIndex` (without them nearestRoadM is null). */
  roads?: RoadIndex;
  /** Registered surplus and demand lots for the mean haul (without them meanHaulKm is null). */
  lots?: readonly HaulLot[];
  /** Haul distances in km (default straight lines × 1.3). */
  distance?: DistanceFunction;
  /** Hazard and protection zones (hensynssoner, NVE hazard maps): an index from `buildZoningIndex`, or the zones. */
  zones?: ZoningIndex<SuitabilityHazardZone> | readonly SuitabilityHazardZone[];
}

export const verdicts = ["suitable", "conditional", "unsuitable"] as const;
export type Verdict = (typeof verdicts)[number];

/** One zoning code on the site. */
export const zoningShareEntrySchema = z.object({
  code: z.number(),
  category: z.enum(zoningCategories),
  /** Area of the site zoned so, m² (planar in EPSG:25832, as plan documents give it). */
  areaM2: z.number(),
  /** areaM2 ÷ the site's area, 0–1. */
  share: z.number(),
  codeList: z.enum(["kp", "rp"]),
  name: z.string(),
  /** The rule that applied: allowed, conditional or excluded. */
  rule: z.enum(zoningRuleValues),
});
export type ZoningShareEntry = z.infer<typeof zoningShareEntrySchema>;

export const conflictEntrySchema = z.object({
  kind: z.string(),
  code: z.number(),
  /** Shortest distance from the site's edge to the zoning area, m (0 when they overlap). */
  distanceM: z.number(),
  bufferM: z.number(),
  codeList: z.enum(["kp", "rp"]),
  name: z.string(),
  planId: z.string().optional(),
});
export type ConflictEntry = z.infer<typeof conflictEntrySchema>;

/**
 * The suitability report of DESIGN §7 (`GET /api/sites/:id/suitability`, `massekart suitability`):
 * its first nine fields are the public interface; the rest add detail for the UI.
 */
export const suitabilityReportSchema = z.object({
  verdict: z.enum(verdicts),
  /** Each reason in plain English; `reasonDetails` has the same reasons with keys for translation. */
  reasons: z.array(z.string()),
  /** Area of the site, m²: planar in EPSG:25832, as plan documents and QGIS give it (`planarAreaM2`). */
  areaM2: z.number(),
  capacityTonnes: z.number(),
  capacityM3: z.number(),
  /** Zoning on the site per code, largest first. */
  zoning: z.array(zoningShareEntrySchema),
  /** Sensitive zoning within its buffer, per kind and code (0 m when on the site). */
  conflicts: z.array(conflictEntrySchema),
  /** Distance from the site's edge to the nearest road, m; null without road data or beyond 50 km. */
  nearestRoadM: z.number().nullable(),
  /** Tonne-weighted mean haul to the registered surplus and demand, km; null without lots. */
  meanHaulKm: z.number().nullable(),
  reasonDetails: z.array(suitabilityReasonSchema),
  /** Hazard and protection zones the site lies in, most severe first (issue 17). Addition to DESIGN §7. */
  zones: z.array(zoneEntrySchema),
  /** Share of the site without any imported zoning, 0–1. */
  unzonedShare: z.number(),
  capacityAssumptions: capacityAssumptionsSchema,
  haul: z.object({ lots: z.number(), tonnes: z.number(), tonneKm: z.number(), unreachable: z.array(z.string()) }),
  warnings: z.array(z.string()),
});
export type SuitabilityReport = z.infer<typeof suitabilityReportSchema>;

/** One site of `GET /api/suitability/ranking`: its report, or why it could not be rated. */
export const rankingItemSchema = z.union([
  z.object({
    siteId: z.string(),
    name: z.string(),
    kind: z.enum(siteKinds),
    status: z.enum(siteStatuses),
    report: suitabilityReportSchema,
    problem: z.undefined().optional(),
  }),
  z.object({
    siteId: z.string(),
    name: z.string(),
    kind: z.enum(siteKinds),
    status: z.enum(siteStatuses),
    report: z.undefined().optional(),
    problem: z.string(),
    /** The same problem as a message to translate (addition). */
    problemDetail: messageSchema.optional(),
  }),
]);
export type RankingItem = z.infer<typeof rankingItemSchema>;

/**
 * A report, or why the site cannot be rated: `problem` in English (the API's text), `problemDetail`
 * as a message to translate, `path` the JSON path of the bad part.
 */
export type SuitabilityOutcome =
  | { ok: true; report: SuitabilityReport }
  | { ok: false; problem: string; problemDetail: Message; path: (string | number)[] };

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** How a site is named in messages: `site "Lahell mellomlager"`, `site S01`, or `the site`. */
const siteLabel = (site: SuitabilitySite): Message =>
  site.name ? message("siteLabel.named", { name: site.name }) : site.id ? message("siteLabel.id", { id: site.id }) : message("siteLabel.unnamed");

/**
 * Why a site geometry cannot be rated, or undefined when it can: not a polygon, a ring that is
 * not closed, outside Norway, edges that cross (@turf/kinks), or no area.
 */
export function siteGeometryProblem(site: SuitabilitySite): { problem: Message; path: (string | number)[] } | undefined {
  const label = siteLabel(site);
  const parsed = areaGeometrySchema.safeParse(site.geometry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const problem = issue ? issueMessage(issue) : message("validation.invalid", { detail: "is not a WGS84 Polygon or MultiPolygon" });
    return { problem: message("suitability.badGeometry", { site: label, path: issue?.path.join(".") ?? "", problem }), path: ["geometry", ...(issue?.path ?? [])] as (string | number)[] };
  }
  const polygons = site.geometry.type === "Polygon" ? [site.geometry.coordinates] : site.geometry.coordinates;
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        const path = site.geometry.type === "Polygon" ? ["geometry", "coordinates", r] : ["geometry", "coordinates", p, r];
        return { problem: message("suitability.ringNotClosed", { site: label, ring: r }), path };
      }
    }
  }
  const outside = geometryOutsideNorway(site.geometry);
  if (outside) {
    const [, ...indices] = outside.path as [string, ...number[]];
    const problem =
      indices.length === 3
        ? message("suitability.polygonPositionOutside", { site: label, polygon: indices[0]!, ring: indices[1]!, position: indices[2]!, problem: outside.problem })
        : message("suitability.positionOutside", { site: label, ring: indices[0]!, position: indices[1]!, problem: outside.problem });
    return { problem, path: ["geometry", ...outside.path] };
  }
  const crossing = firstSelfIntersection(site.geometry);
  if (crossing) {
    return {
      problem: message("suitability.crossesItself", { site: label, lon: crossing[0].toFixed(5), lat: crossing[1].toFixed(5) }),
      path: ["geometry", "coordinates"],
    };
  }
  if (!(planarAreaM2(site.geometry) > 0)) return { problem: message("suitability.noArea", { site: label }), path: ["geometry", "coordinates"] };
  return undefined;
}

/**
 * The box (WGS84) that holds every zoning area a report on this site can look at: the site's box
 * grown by the largest conflict buffer. A server fetches the zoning in this box and passes it in.
 */
export function suitabilitySearchBox(geometry: AreaGeometry, rules: SuitabilityRules = defaultSuitabilityRules): Bbox {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
  const reachM = Math.max(0, ...rules.conflicts.map((rule) => rule.bufferM)) + 1;
  const dLat = reachM / metresPerDegree;
  const dLon = reachM / metresPerDegreeLon(Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat))));
  return [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat];
}

const effectRank = { suitable: 0, info: 0, conditional: 1, unsuitable: 2 } as const;

/**
 * The suitability report of one site against the zoning and the hazard and protection zones
 * (issues 6 and 17, DESIGN §7 and §8): planar area,
 * capacity, zoning shares by code, conflicts within the buffers, nearest road, mean haul, and a
 * verdict with its reasons. The verdict is the worst finding: unsuitable if excluded zoning covers
 * more than the tolerated share (or a rule says so), conditional for conditional zoning, tolerated
 * excluded zoning, unzoned ground or conflicts, else suitable.
 *
 * `zoning` is a prebuilt `ZoningIndex` (reuse it for many sites) or an array of areas (indexed
 * here). Expected trouble is a value: a site outline that crosses itself gives `{ ok: false }`.
 *
 * @example suitabilityReport(site, buildZoningIndex(areas), { roads: buildRoadIndex(lines), lots })
 */
export function suitabilityReport(
  site: SuitabilitySite,
  zoning: ZoningIndex | readonly SuitabilityZoning[],
  { rules = defaultSuitabilityRules, roads, lots = [], distance, zones = [] }: SuitabilityOptions = {},
): SuitabilityOutcome {
  const invalid = siteGeometryProblem(site);
  if (invalid) return { ok: false, problem: englishText(invalid.problem), problemDetail: invalid.problem, path: invalid.path };
  const index = isZoningIndex(zoning) ? zoning : buildZoningIndex(zoning);
  const geometry = site.geometry;
  const siteBox = bboxOf(geometry);
  const areaM2 = planarAreaM2(geometry);
  const centre = haulLocationOf(geometry);
  const plane = localPlane(centre);
  const sitePlane = toPlane(geometry, plane);
  // Sorted, so sums and ties come out the same whatever order an index returns.
  const candidates = index.search(suitabilitySearchBox(geometry, rules)).slice().sort((a, b) => a - b);

  // Zoning on the site, per (list, code).
  const overlap = zoningOverlap(geometry, siteBox, index, candidates);
  const byCode = new Map<string, { code: number; codeList: "kp" | "rp"; areaM2: number }>();
  for (const piece of overlap.pieces) {
    const zone = index.areas[piece.index]!;
    const key = `${zone.codeList}:${zone.code}`;
    const entry = byCode.get(key) ?? { code: zone.code, codeList: zone.codeList, areaM2: 0 };
    entry.areaM2 += piece.areaM2;
    byCode.set(key, entry);
  }
  const ruleOf = (code: number): ZoningRule => rules.zoning.codes[String(code)] ?? rules.zoning.categories[categoryOfCode(code)];
  const zoningEntries: ZoningShareEntry[] = [...byCode.values()]
    .map((entry) => ({
      code: entry.code,
      category: categoryOfCode(entry.code),
      areaM2: entry.areaM2,
      share: Math.min(1, entry.areaM2 / areaM2),
      codeList: entry.codeList,
      name: codeName(entry.codeList, entry.code),
      rule: ruleOf(entry.code),
    }))
    .sort((a, b) => b.areaM2 - a.areaM2 || a.code - b.code || a.codeList.localeCompare(b.codeList));

  const reasons: SuitabilityReason[] = [];
  const { toleratedExcludedShare, negligibleShare } = rules.zoning;
  const thresholds = { toleratedShare: toleratedExcludedShare, negligibleShare };
  const excludedShare = zoningEntries.filter((entry) => entry.rule === "excluded" && entry.share >= negligibleShare).reduce((sum, entry) => sum + entry.share, 0);
  for (const entry of zoningEntries) {
    if (entry.share < negligibleShare) reasons.push(zoningReason("negligible", entry, thresholds));
    else if (entry.rule === "excluded") reasons.push(zoningReason(excludedShare > toleratedExcludedShare ? "excluded" : "excludedTolerated", entry, thresholds));
    else reasons.push(zoningReason(entry.rule, entry, thresholds));
  }
  const unzonedShare = Math.max(0, 1 - overlap.coveredM2 / areaM2);
  if (unzonedShare >= negligibleShare) reasons.push(unzonedReason(unzonedShare, unzonedShare * areaM2, rules.zoning.unzoned));
  const overlappingShare = overlap.overlappingM2 / areaM2;
  if (overlappingShare >= negligibleShare) reasons.push(overlappingReason(overlappingShare, overlap.overlappingM2));

  // Sensitive zoning nearby. Zoning on the site is already a zoning reason, unless it is a sliver.
  const conflicts = zoningConflicts(sitePlane, plane, index, candidates, rules.conflicts);
  const onSite = new Set(zoningEntries.filter((entry) => entry.share >= negligibleShare).map((entry) => `${entry.codeList}:${entry.code}`));
  for (const conflict of conflicts) {
    if (conflict.distanceM === 0 && onSite.has(`${conflict.codeList}:${conflict.code}`)) continue;
    const rule = rules.conflicts.find((candidate) => candidate.kind === conflict.kind)!;
    reasons.push(conflictReason({ ...conflict, label: rule.label }, rule.effect));
  }

  // Hazard and protection zones on the site: landslide, quick clay, flood, drinking water … (DESIGN §8).
  const zoneIndex = isZoningIndex(zones) ? zones : buildZoningIndex(zones);
  const hazards = zoneFindings(geometry, siteBox, areaM2, zoneIndex, { hazards: zoneHazardRules(rules), negligibleShare });
  reasons.push(...hazards.reasons);

  const roadM = roads ? nearestRoadM(roads, sitePlane, plane, siteBox) : null;
  reasons.push(roadReason(roadM, rules.road, { roadData: roads !== undefined }));

  const haul = meanHaul(centre, lots, distance ? { distance } : {});
  const capacity = siteCapacityEstimate(areaM2, site, rules.capacity);
  const worst = reasons.reduce((rank, reason) => Math.max(rank, effectRank[reason.effect]), 0);
  const verdict: Verdict = worst === 2 ? "unsuitable" : worst === 1 ? "conditional" : "suitable";

  return {
    ok: true,
    report: {
      verdict,
      reasons: reasons.map((reason) => reason.text),
      areaM2: round(areaM2, 1),
      capacityTonnes: Math.round(capacity.capacityTonnes),
      capacityM3: Math.round(capacity.capacityM3),
      zoning: zoningEntries.map((entry) => ({ ...entry, areaM2: round(entry.areaM2, 1), share: round(entry.share, 4) })),
      conflicts: conflicts.map((conflict) => ({ ...conflict, distanceM: round(conflict.distanceM, 1) })),
      nearestRoadM: roadM === null ? null : round(roadM, 1),
      meanHaulKm: haul.meanHaulKm === null ? null : round(haul.meanHaulKm, 3),
      reasonDetails: reasons,
      zones: hazards.entries.map((entry) => ({ ...entry, areaM2: round(entry.areaM2, 1), share: round(entry.share, 4) })),
      unzonedShare: round(unzonedShare, 4),
      capacityAssumptions: capacity.assumptions,
      haul: { lots: haul.lots, tonnes: round(haul.tonnes, 1), tonneKm: round(haul.tonneKm, 1), unreachable: haul.unreachable },
      warnings: [...overlap.warnings, ...hazards.warnings, ...haul.warnings],
    },
  };
}
