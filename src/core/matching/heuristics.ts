import { Kind, type BuiltModel } from "./build-model";
import type { Problem } from "./problem";

/**
 * Two plans that need no LP, both expressed as values of the LP's own columns so that they are
 * feasible points of the same model and are measured by the same `readPlan`:
 * - the baseline of DESIGN §2 ("no exchange"), shown beside every result;
 * - the greedy reference (cheapest arc first), kept only to benchmark and test the optimiser.
 */

interface Rows {
  /** Remaining planned tonnes per lot row. */
  remaining: Float64Array;
  rowOf(node: number, t: number): number;
}

function lotRows(problem: Problem, built: BuiltModel): Rows {
  const remaining = Float64Array.from(built.model.rowLower.subarray(0, built.rows.slackOfRow.length));
  const base = new Map<number, number>();
  problem.surplus.forEach((s, i) => base.set(s.node, (built.rows.surplusRow[i] as number) - s.months.first));
  problem.demand.forEach((d, i) => base.set(d.node, (built.rows.demandRow[i] as number) - d.months.first));
  return { remaining, rowOf: (node, t) => (base.get(node) as number) + t };
}

/** Remaining landfill capacity by landfill node (Infinity when unlimited). */
function landfillCapacity(problem: Problem): Map<number, number> {
  return new Map(problem.landfills.map((l) => [l.node, l.capacityTonnes ?? Infinity]));
}

function fillSlack(built: BuiltModel, rows: Rows, values: Float64Array): Float64Array {
  rows.remaining.forEach((tonnes, row) => {
    if (tonnes > 0) values[built.rows.slackOfRow[row] as number] = tonnes;
  });
  return values;
}

/**
 * Baseline: every surplus lot-month to its nearest accepting landfill (the next nearest when that
 * one is full), every demand lot-month from its nearest quarry; the rest unplaced. Uses only
 * arcs the LP has (same compatibility, windows and maxHaulKm), so the optimum is never worse.
 */
export function baselineValues(problem: Problem, built: BuiltModel): Float64Array {
  const { columns } = built;
  const values = new Float64Array(columns.count);
  const rows = lotRows(problem, built);
  const capacity = landfillCapacity(problem);
  const candidates: number[] = [];
  for (let c = 0; c < columns.count; c++) {
    const kind = columns.kind[c];
    if (kind === Kind.to_landfill || kind === Kind.virgin) candidates.push(c);
  }
  // Nearest first; among equally near ones the cheaper.
  candidates.sort((a, b) => (columns.km[a] as number) - (columns.km[b] as number) || (built.model.colCost[a] as number) - (built.model.colCost[b] as number));
  for (const c of candidates) {
    const t = columns.month[c] as number;
    if (columns.kind[c] === Kind.to_landfill) {
      const row = rows.rowOf(columns.from[c] as number, t);
      const landfill = columns.to[c] as number;
      const tonnes = Math.min(rows.remaining[row] as number, capacity.get(landfill) as number);
      if (tonnes <= 0) continue;
      values[c] = tonnes;
      rows.remaining[row] = (rows.remaining[row] as number) - tonnes;
      capacity.set(landfill, (capacity.get(landfill) as number) - tonnes);
    } else {
      const row = rows.rowOf(columns.to[c] as number, t);
      const tonnes = rows.remaining[row] as number;
      if (tonnes <= 0) continue;
      values[c] = tonnes;
      rows.remaining[row] = 0;
    }
  }
  return fillSlack(built, rows, values);
}

/**
 * Greedy reference: direct, landfill and quarry arcs in order of their objective cost per tonne,
 * each loaded with as much as both ends still have. It does not use storage (a storage route
 * spans months and a greedy has no good way to price it), so it is a fair "reasonable planner
 * with a spreadsheet", not a bound.
 */
export function greedyValues(problem: Problem, built: BuiltModel): Float64Array {
  const { columns, model } = built;
  const values = new Float64Array(columns.count);
  const rows = lotRows(problem, built);
  const capacity = landfillCapacity(problem);
  const candidates: number[] = [];
  for (let c = 0; c < columns.count; c++) {
    const kind = columns.kind[c];
    if (kind === Kind.direct || kind === Kind.to_landfill || kind === Kind.virgin) candidates.push(c);
  }
  candidates.sort((a, b) => (model.colCost[a] as number) - (model.colCost[b] as number));
  for (const c of candidates) {
    const t = columns.month[c] as number;
    const kind = columns.kind[c];
    const source = kind === Kind.virgin ? -1 : rows.rowOf(columns.from[c] as number, t);
    const sink = kind === Kind.to_landfill ? -1 : rows.rowOf(columns.to[c] as number, t);
    let tonnes = Infinity;
    if (source >= 0) tonnes = Math.min(tonnes, rows.remaining[source] as number);
    if (sink >= 0) tonnes = Math.min(tonnes, rows.remaining[sink] as number);
    if (kind === Kind.to_landfill) tonnes = Math.min(tonnes, capacity.get(columns.to[c] as number) as number);
    if (!(tonnes > 0) || tonnes === Infinity) continue;
    values[c] = tonnes;
    if (source >= 0) rows.remaining[source] = (rows.remaining[source] as number) - tonnes;
    if (sink >= 0) rows.remaining[sink] = (rows.remaining[sink] as number) - tonnes;
    if (kind === Kind.to_landfill) {
      const landfill = columns.to[c] as number;
      capacity.set(landfill, (capacity.get(landfill) as number) - tonnes);
    }
  }
  return fillSlack(built, rows, values);
}
