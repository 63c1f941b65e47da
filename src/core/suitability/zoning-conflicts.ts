import { categoryOfCode } from "../zoning/zoning-categories";
import { codeName } from "./code-name";
import { polygonsDistanceM, toPlane, type LocalPlane, type PlanePolygon } from "./local-plane";
import type { ConflictRule } from "./rules";
import type { ZoningIndex } from "./zoning-index";

/** Sensitive zoning within a buffer of the site: the nearest area of each code per conflict kind. */
export interface ZoningConflict {
  kind: string;
  code: number;
  codeList: "kp" | "rp";
  name: string;
  planId?: string;
  /** Shortest distance between the site and the zoning area, m; 0 when they overlap or touch. */
  distanceM: number;
  bufferM: number;
}

/**
 * The conflicts of a site (already in its local plane) with the zoning among `candidates`: every
 * (kind, code) whose nearest area lies within the kind's buffer, nearest first within each kind,
 * kinds in the rules' order.
 */
export function zoningConflicts(
  site: readonly PlanePolygon[],
  plane: LocalPlane,
  zoning: ZoningIndex,
  candidates: readonly number[],
  rules: readonly ConflictRule[],
): ZoningConflict[] {
  const nearest = new Map<string, ZoningConflict>();
  for (const index of candidates) {
    const zone = zoning.areas[index]!;
    const category = categoryOfCode(zone.code);
    const kinds = rules.filter((rule) => rule.codes.includes(zone.code) || rule.categories.includes(category));
    if (kinds.length === 0) continue;
    const reachM = Math.max(...kinds.map((rule) => rule.bufferM));
    const distanceM = polygonsDistanceM(site, toPlane(zone.geometry, plane), reachM);
    if (distanceM === Infinity) continue;
    for (const rule of kinds) {
      if (distanceM > rule.bufferM) continue;
      const key = `${rule.kind}:${zone.codeList}:${zone.code}`;
      const known = nearest.get(key);
      if (known && known.distanceM <= distanceM) continue;
      nearest.set(key, {
        kind: rule.kind,
        code: zone.code,
        codeList: zone.codeList,
        name: codeName(zone.codeList, zone.code),
        ...(zone.planId ? { planId: zone.planId } : {}),
        distanceM,
        bufferM: rule.bufferM,
      });
    }
  }
  const order = new Map(rules.map((rule, k) => [rule.kind, k]));
  return [...nearest.values()].sort(
    (a, b) => order.get(a.kind)! - order.get(b.kind)! || a.distanceM - b.distanceM || a.code - b.code || a.codeList.localeCompare(b.codeList),
  );
}
