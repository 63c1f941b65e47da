/**
 * The TA-2553 land-use table (DESIGN §5): which contamination classes a demand lot may receive,
 * judged by the zoning where it lies. Massekart applies it as a warning on the plan, not as a
 * limit on the matching:
 *
 * - the demand lot's own `contaminationClass` (the worst class it accepts) is the engineer's
 *   decision and may rest on a risk assessment or a tiltaksplan that allows more, deeper down;
 * - the land use is read from the imported zoning at one point of the project, which may be out
 *   of date, cover several plans, or not say which layer (top metre or deeper) the masses go to.
 *
 * So a flow that brings a class above the table's top-metre limit is named in the result's
 * warnings, with both limits, for the planner to check before the plan is used.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { LonLat } from "../geo/geometry";
import type { Flow, MatchResult } from "../matching/result";
import { buildZoningIndex, isZoningIndex, type SuitabilityZoning, type ZoningIndex } from "../suitability/zoning-index";
import { describeArealformaal, landUseRowOfCode, type LandUseRow } from "../zoning/arealformaal";
import { isAgriculturalLand } from "./flags";

/**
 * The worst class each land use may receive in the top metre and deeper than 1 m. Source:
 * Miljødirektoratet TA-2553/2009 "Helsebaserte tilstandsklasser for forurenset grunn", the
 * land-use table as DESIGN §5 gives it: residential and public services ≤ 2 / ≤ 3; centre, office,
 * retail and business ≤ 3 / ≤ 4; industry and transport ≤ 4 / ≤ 5.
 */
export const ta2553Limits: Readonly<Record<Exclude<LandUseRow, "none">, { topLayer: number; deeper: number }>> = {
  residential: { topLayer: 2, deeper: 3 },
  commercial: { topLayer: 3, deeper: 4 },
  industry_transport: { topLayer: 4, deeper: 5 },
};

/** The land use at a demand lot: the zoning code there, its table row and limits. */
export interface DemandLandUse {
  code: number;
  codeList: "kp" | "rp";
  name: string;
  row: Exclude<LandUseRow, "none">;
  topLayer: number;
  deeper: number;
}

/**
 * The land use at a point for the TA-2553 table: of the zoning areas that hold the point, the one
 * with the strictest row (a reguleringsplan's housing over a kommuneplan's business counts as
 * housing). Undefined when no area holds it, or the areas have no row in the table (LNFR, green
 * structure, water …).
 */
export function landUseAt(point: LonLat, zoning: ZoningIndex<SuitabilityZoning>): DemandLandUse | undefined {
  let best: DemandLandUse | undefined;
  for (const index of zoning.search([point[0], point[1], point[0], point[1]])) {
    const area = zoning.areas[index]!;
    const row = landUseRowOfCode(area.code);
    if (row === "none") continue;
    if (!booleanPointInPolygon(point, area.geometry)) continue;
    const limits = ta2553Limits[row];
    if (best && best.topLayer <= limits.topLayer) continue;
    best = { code: area.code, codeList: area.codeList, name: describeArealformaal(area.codeList, area.code)?.name ?? "", row, ...limits };
  }
  return best;
}

/** Words for the table's rows, for the warning. */
const rowWords: Readonly<Record<DemandLandUse["row"], string>> = {
  residential: "housing or public services",
  commercial: "centre, office or business",
  industry_transport: "industry or transport",
};

/**
 * One warning per demand lot that receives masses above its land use's top-metre limit: the
 * tonnes of each class above it, and whether they fit deeper than 1 m. Flows are those of a
 * matching result (direct and from storage into the lot).
 */
export function landUseClassWarnings(
  flows: readonly Pick<Flow, "to" | "tonnes" | "contaminationClass" | "kind">[],
  landUseOf: ReadonlyMap<string, DemandLandUse>,
  { lotLabel = (id: string) => `lot ${id}` }: { lotLabel?: (lotId: string) => string } = {},
): string[] {
  const above = new Map<string, Map<number, number>>();
  for (const flow of flows) {
    if (flow.kind !== "direct" && flow.kind !== "from_storage") continue;
    const use = landUseOf.get(flow.to);
    if (!use || flow.contaminationClass <= use.topLayer) continue;
    const byClass = above.get(flow.to) ?? new Map<number, number>();
    byClass.set(flow.contaminationClass, (byClass.get(flow.contaminationClass) ?? 0) + flow.tonnes);
    above.set(flow.to, byClass);
  }
  const warnings: string[] = [];
  for (const [lotId, byClass] of above) {
    const use = landUseOf.get(lotId)!;
    const parts = [...byClass.entries()]
      .sort(([a], [b]) => a - b)
      .map(([cls, tonnes]) => `${Math.round(tonnes).toLocaleString("en-US")} t of class ${cls}`);
    const worst = Math.max(...byClass.keys());
    const deeper =
      worst <= use.deeper
        ? `they fit only deeper than 1 m (class ${use.deeper} at most there)`
        : `class ${worst} is above even the class ${use.deeper} allowed deeper than 1 m`;
    warnings.push(
      `${lotLabel(lotId)} lies on ${use.code} ${use.name} (${rowWords[use.row]} in the TA-2553 land-use table) and receives ${parts.join(" and ")}, ` +
        `above the class ${use.topLayer} the table allows in the top metre; ${deeper}. Check the receiving layer and the tiltaksplan before using the plan.`,
    );
  }
  return warnings;
}

/** The land use of every demand lot with a location (`landUseAt`), by lot id. */
export function demandLandUses(
  lots: readonly { id: string; direction: "surplus" | "demand"; location?: LonLat | undefined }[],
  zoning: ZoningIndex<SuitabilityZoning> | readonly SuitabilityZoning[],
): Map<string, DemandLandUse> {
  const index = isZoningIndex(zoning) ? zoning : buildZoningIndex(zoning);
  const uses = new Map<string, DemandLandUse>();
  for (const lot of lots) {
    if (lot.direction !== "demand" || !lot.location) continue;
    const use = landUseAt(lot.location, index);
    if (use) uses.set(lot.id, use);
  }
  return uses;
}

/**
 * A matching result with the TA-2553 warnings added (the scenario run's last step): the lots of
 * its instance looked up in the zoning. A failed result is returned as it is.
 */
export function withLandUseWarnings<R extends MatchResult>(
  result: R,
  lots: readonly { id: string; direction: "surplus" | "demand"; location?: LonLat | undefined }[],
  zoning: readonly SuitabilityZoning[],
): R {
  if (result.status === "error") return result;
  const warnings = landUseClassWarnings(result.flows, demandLandUses(lots, zoning));
  return warnings.length === 0 ? result : { ...result, warnings: [...result.warnings, ...warnings] };
}

/**
 * A test of whether a point lies on agricultural land (isAgriculturalLand over the zoning areas
 * that hold it), for the rule that topsoil with invasive species never goes there (DESIGN §8).
 */
export function agriculturalLandTest(zoning: ZoningIndex<SuitabilityZoning> | readonly SuitabilityZoning[]): (point: LonLat) => boolean {
  const index = isZoningIndex(zoning) ? zoning : buildZoningIndex(zoning);
  return (point) =>
    index
      .search([point[0], point[1], point[0], point[1]])
      .some((i) => {
        const area = index.areas[i]!;
        return isAgriculturalLand({ arealformaal: area.code }) && booleanPointInPolygon(point, area.geometry);
      });
}
