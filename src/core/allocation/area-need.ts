import { Kind, type BuiltModel } from "../matching/build-model";
import type { Problem, Storage } from "../matching/problem";
import { areaForTonnesM2, type CapacityAssumptions } from "../suitability/capacity";
import { defaultSuitabilityRules } from "../suitability/rules";

/**
 * The storage area a plan needs per month (DESIGN §9, issue 11), split into short- and long-term
 * stock.
 *
 * Area: each site's end-of-month stock in m² by the capacity rule of the suitability report —
 * a site that gives both `areaM2` and `capacityTonnes` holds capacityTonnes ÷ areaM2 t per m²;
 * any other site the default rule (`capacityEstimate`'s inverse, `areaForTonnesM2`, with the
 * shipped rules: 3 m stack, 60 % usable, 1.52 t/m³, about 2.7 t per m² of site).
 *
 * Long-term: stock that entered the site `longTermStorageMonths` or more months before the month's
 * end. Stored mass of one type is interchangeable, so its age follows first in, first out: what
 * leaves a site leaves from its oldest stock of that type.
 */

/**
 * Stock this many months old or more is long-term, months. Storing waste for a year or more before
 * it is disposed of makes the site a landfill under the Landfill Directive (1999/31/EC art. 2(g);
 * avfallsforskriften kap. 9), so planners watch the stock that reaches a year.
 */
export const longTermStorageMonths = 12;

export interface AreaNeedPoint {
  /** "YYYY-MM". */
  month: string;
  /** Area the end-of-month stock needs on all storage sites, m². */
  m2: number;
  /** Of m2, stock younger than `longTermStorageMonths`. */
  shortTermM2: number;
  /** Of m2, stock `longTermStorageMonths` months old or more. */
  longTermM2: number;
  /** m² per storage site id (sites with stock only). */
  bySite: Record<string, number>;
}

export function areaNeed(problem: Problem, built: BuiltModel, values: Float64Array, assumptions: CapacityAssumptions = defaultSuitabilityRules.capacity): AreaNeedPoint[] {
  const { columns } = built;
  const T = problem.months.length;
  const siteOfNode = new Map(problem.storage.map((site) => [site.node, site]));
  // Inflow and end-of-month stock per (site node, mass type), month by month.
  const series = new Map<string, { site: Storage; inflow: Float64Array; stock: Float64Array }>();
  const seriesOf = (site: Storage, type: number) => {
    const key = `${site.node}:${type}`;
    let entry = series.get(key);
    if (!entry) {
      entry = { site, inflow: new Float64Array(T), stock: new Float64Array(T) };
      series.set(key, entry);
    }
    return entry;
  };
  for (let column = 0; column < columns.count; column++) {
    const tonnes = values[column] as number;
    if (!(tonnes > 0)) continue;
    const kind = columns.kind[column];
    if (kind === Kind.to_storage) {
      const site = siteOfNode.get(columns.to[column] as number);
      if (site) add(seriesOf(site, columns.massType[column] as number).inflow, columns.month[column] as number, tonnes);
    } else if (kind === Kind.inventory) {
      const site = siteOfNode.get(columns.from[column] as number);
      if (site) add(seriesOf(site, columns.massType[column] as number).stock, columns.month[column] as number, tonnes);
    }
  }

  const points: AreaNeedPoint[] = problem.months.map((month) => ({ month, m2: 0, shortTermM2: 0, longTermM2: 0, bySite: {} }));
  for (const { site, inflow, stock } of series.values()) {
    const m2PerTonne = siteM2PerTonne(site, assumptions);
    const layers: { month: number; tonnes: number }[] = [];
    for (let t = 0; t < T; t++) {
      if ((inflow[t] as number) > 0) layers.push({ month: t, tonnes: inflow[t] as number });
      // What left this month leaves from the oldest stock: keep only the newest `stock[t]` tonnes.
      let surplus = layers.reduce((sum, layer) => sum + layer.tonnes, 0) - (stock[t] as number);
      while (surplus > 1e-9 && layers.length > 0) {
        const oldest = layers[0] as { month: number; tonnes: number };
        const taken = Math.min(oldest.tonnes, surplus);
        oldest.tonnes -= taken;
        surplus -= taken;
        if (oldest.tonnes <= 1e-9) layers.shift();
      }
      let longTonnes = 0;
      let shortTonnes = 0;
      for (const layer of layers) {
        if (t - layer.month >= longTermStorageMonths) longTonnes += layer.tonnes;
        else shortTonnes += layer.tonnes;
      }
      const point = points[t] as AreaNeedPoint;
      const m2 = (longTonnes + shortTonnes) * m2PerTonne;
      if (m2 <= 0) continue;
      point.m2 += m2;
      point.longTermM2 += longTonnes * m2PerTonne;
      point.shortTermM2 += shortTonnes * m2PerTonne;
      point.bySite[site.id] = (point.bySite[site.id] ?? 0) + m2;
    }
  }
  return points;
}

const add = (array: Float64Array, i: number, value: number) => (array[i] = (array[i] as number) + value);

/** m² of site per tonne stored: the site's own capacity per area where it gives both, else the default rule. */
export function siteM2PerTonne(site: Pick<Storage, "areaM2" | "capacityTonnes">, assumptions: CapacityAssumptions = defaultSuitabilityRules.capacity): number {
  if (site.areaM2 !== undefined && site.capacityTonnes > 0) return site.areaM2 / site.capacityTonnes;
  return areaForTonnesM2(1, assumptions);
}
