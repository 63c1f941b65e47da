import type { Material } from "../domain/materials";
import { acidStorageMonthEnds, flagRefusal, type FlagDestination } from "../special-masses/flags";
import { kgCO2PerTonneKm } from "./emissions";
import type { LpModel } from "./lp-model";
import {
  classOfType,
  flagMaskOf,
  flagMaskOfType,
  flagsOfMask,
  landfillFeePerTonne,
  massTypeOf,
  materialOfType,
  type DemandLot,
  type Landfill,
  type MonthRange,
  type Problem,
  type Quarry,
  type Storage,
  type SurplusLot,
} from "./problem";

/**
 * The LP of DESIGN §2, built straight into compressed sparse columns.
 *
 * Variables (tonnes ≥ 0) exist only on allowed arcs — material and class compatible, months
 * overlapping, haul ≤ maxHaulKm:
 * x[s,d,t] direct · y[s,j,t] into storage · z[j,k,d,t] storage → demand · I[j,k,t] inventory at the
 * end of month t · w[s,l,t] to landfill · u[j,k,l,t] storage → landfill · v[r,d,t] virgin ·
 * one "unplaced" slack per lot and month at unplacedPenaltyPerTonne.
 * The outflow from storage carries its mass type k, which is why z and u are per type: stored mass
 * never reaches a demand or landfill that its material or class does not fit.
 *
 * Rows: surplus (s,t) Σ out + unplaced = planned; demand (d,t) Σ in + unplaced = planned;
 * balance (j,k,t) I[t] − I[t−1] − in + out = 0; capacity (j,t) Σ_k I ≤ capacity; landfill l
 * Σ_t in ≤ capacity (only when it has one); acid-forming rock (j,k,t) I[t] − Σ in over the last
 * months it may stay ≤ 0, so no tonne stays longer than parameters.acidStorageWeeks (DESIGN §8).
 * Special-mass flags are part of the mass type, and every arc obeys the flag rules of
 * core/special-masses/flags.ts.
 */

export const columnKinds = [
  "direct",
  "to_storage",
  "from_storage",
  "to_landfill",
  "storage_to_landfill",
  "virgin",
  "inventory",
  "unplaced_surplus",
  "unplaced_demand",
] as const;
export type ColumnKind = (typeof columnKinds)[number];
export const Kind = Object.fromEntries(columnKinds.map((name, i) => [name, i])) as { [K in ColumnKind]: number };

/** What each column means, in parallel typed arrays (one entry per column). */
export interface ColumnTable {
  count: number;
  /** Index into `columnKinds`. */
  kind: Uint8Array;
  /** Node the tonnes leave (the lot or site; for inventory and unplaced the site or lot itself). */
  from: Int32Array;
  /** Node the tonnes reach. */
  to: Int32Array;
  /** Month index. */
  month: Int32Array;
  /** Haul km of the leg; 0 for inventory and unplaced. */
  km: Float64Array;
  /** Mass type (flags × materials × 5 + material × 5 + class − 1, see massTypeOf); virgin material counts as class 1. */
  massType: Int16Array;
}

export interface RowTable {
  /** First row of surplus lot i (by its index in problem.surplus); one row per month of its range. */
  surplusRow: Int32Array;
  demandRow: Int32Array;
  /** First capacity row of storage j, one per month of its open range; −1 when never open. */
  capacityRow: Int32Array;
  /** Capacity row of landfill l, or −1 when it has no capacity. */
  landfillRow: Int32Array;
  /** For a lot row (surplus or demand), the column of its unplaced slack. */
  slackOfRow: Int32Array;
}

export interface BuiltModel {
  model: LpModel;
  columns: ColumnTable;
  rows: RowTable;
}

/** Grows like an array, ends as a typed array of exactly its length. */
class Growable<T extends Float64Array | Int32Array | Uint8Array | Int16Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    // A copy of exactly the used length, so a worker transfer or structured clone moves no spare capacity.
    return this.data.slice(0, this.length) as T;
  }
}
const floats = (n = 1024) => new Growable(new Float64Array(n), (s) => new Float64Array(s));
const ints = (n = 1024) => new Growable(new Int32Array(n), (s) => new Int32Array(s));

const overlap = (a: MonthRange, b: MonthRange): MonthRange => ({
  first: Math.max(a.first, b.first),
  last: Math.min(a.last, b.last),
});

/** Whether mass with these special-mass flags (a bit mask, see flagMaskOf) may go to `to` (DESIGN §8). */
const flagsAllow = (flagMask: number, to: FlagDestination): boolean => flagMask === 0 || flagRefusal(flagsOfMask(flagMask), to) === undefined;

/** Whether a demand lot takes mass of this material, class and special-mass flags. */
export const demandTakes = (d: DemandLot, material: Material, contaminationClass: number, flagMask = 0): boolean =>
  contaminationClass <= d.worstClass &&
  d.acceptedMaterials.includes(material) &&
  flagsAllow(flagMask, { kind: "demand", acceptsFlags: d.acceptsFlags, agriculturalLand: d.agriculturalLand });

export const storageTakes = (j: Storage, s: SurplusLot): boolean =>
  !s.hazardous &&
  j.materials.has(s.material) &&
  s.contaminationClass <= j.worstClass &&
  flagsAllow(flagMaskOfType(s.massType), { kind: "storage", acceptsFlags: j.acceptsFlags });

export const landfillTakes = (l: Landfill, material: Material, contaminationClass: number, hazardous: boolean, flagMask = 0): boolean =>
  l.materials.has(material) &&
  (hazardous ? l.acceptsHazardous : contaminationClass <= l.worstClass) &&
  flagsAllow(flagMask, { kind: "landfill", acceptsFlags: l.acceptsFlags });

/** The material a quarry delivers to a demand lot: the one it needs if offered, else the first it also takes. */
export const quarryMaterialFor = (r: Quarry, d: DemandLot) => d.acceptedMaterials.find((m) => r.materials.has(m));

/** Builds the LP; cost O(arcs). Pure. */
export function buildModel(problem: Problem): BuiltModel {
  const { parameters: p, surplus, demand, storage, landfills, quarries } = problem;
  const maxKm = p.maxHaulKm;
  const co2 = p.objective === "co2";
  // kg CO2 per tonne-km at full loads with the empty return: the LP's form of the whole-trip rule.
  const kgPerTonneKm = kgCO2PerTonneKm(p);
  /** Objective per tonne of one haul leg of `km`. */
  const leg = (km: number) =>
    co2 ? km * kgPerTonneKm : km * (p.costPerTonneKm + p.carbonPricePerKg * kgPerTonneKm) + p.loadingCostPerTonne;
  const within = (km: number | undefined): km is number => km !== undefined && km <= maxKm;
  const acidMonthEnds = acidStorageMonthEnds(p.acidStorageWeeks);
  const acidMask = flagMaskOf(["acid_forming"]);

  // Rows.
  const rowLower = floats();
  const rowUpper = floats();
  const addRow = (lower: number, upper: number) => {
    rowLower.push(lower);
    rowUpper.push(upper);
    return rowLower.length - 1;
  };
  const lotRows = (lots: (SurplusLot | DemandLot)[]) =>
    Int32Array.from(lots, (lot) => {
      let first = -1;
      lot.tonnesByMonth.forEach((tonnes) => {
        const row = addRow(tonnes, tonnes);
        if (first < 0) first = row;
      });
      return first;
    });
  const surplusRow = lotRows(surplus);
  const demandRow = lotRows(demand);
  const lotRowCount = rowLower.length;
  const capacityRow = Int32Array.from(storage, (j) => {
    let first = -1;
    for (let t = j.open.first; t <= j.open.last; t++) {
      const row = addRow(-Infinity, j.capacityTonnes);
      if (first < 0) first = row;
    }
    return first;
  });
  const landfillRow = Int32Array.from(landfills, (l) => (l.capacityTonnes === undefined ? -1 : addRow(-Infinity, l.capacityTonnes)));

  // Columns.
  const colCost = floats();
  const colStart = ints();
  const rowIndex = ints();
  const value = floats();
  const kind = new Growable(new Uint8Array(1024), (s) => new Uint8Array(s));
  const from = ints();
  const to = ints();
  const month = ints();
  const kmOf = floats();
  const massType = new Growable(new Int16Array(1024), (s) => new Int16Array(s));
  colStart.push(0);
  const addColumn = (k: number, cost: number, a: number, b: number, t: number, km: number, type: number) => {
    colCost.push(cost);
    kind.push(k);
    from.push(a);
    to.push(b);
    month.push(t);
    kmOf.push(km);
    massType.push(type);
  };
  const entry = (row: number, coefficient: number) => {
    rowIndex.push(row);
    value.push(coefficient);
  };
  const endColumn = () => colStart.push(rowIndex.length);

  const surplusRowAt = (i: number, t: number) => (surplusRow[i] as number) + t - (surplus[i] as SurplusLot).months.first;
  const demandRowAt = (i: number, t: number) => (demandRow[i] as number) + t - (demand[i] as DemandLot).months.first;

  // x: direct surplus → demand.
  surplus.forEach((s, si) => {
    if (s.hazardous) return;
    demand.forEach((d, di) => {
      if (!demandTakes(d, s.material, s.contaminationClass, flagMaskOfType(s.massType))) return;
      const km = problem.km(s.node, d.node);
      if (!within(km)) return;
      const range = overlap(s.months, d.months);
      const cost = leg(km);
      for (let t = range.first; t <= range.last; t++) {
        addColumn(Kind.direct, cost, s.node, d.node, t, km, s.massType);
        entry(surplusRowAt(si, t), 1);
        entry(demandRowAt(di, t), 1);
        endColumn();
      }
    });
  });

  // Storage: per site and mass type, the months between the first possible entry and the last exit.
  storage.forEach((j, ji) => {
    if (j.open.first > j.open.last) return;
    const capRowAt = (t: number) => (capacityRow[ji] as number) + t - j.open.first;
    const inbound = new Map<number, { si: number; km: number }[]>();
    surplus.forEach((s, si) => {
      if (!storageTakes(j, s)) return;
      const km = problem.km(s.node, j.node);
      if (!within(km)) return;
      const range = overlap(s.months, j.open);
      if (range.first > range.last) return;
      const list = inbound.get(s.massType) ?? [];
      list.push({ si, km });
      inbound.set(s.massType, list);
    });
    const outDemand = demand
      .map((d, di) => ({ d, di, km: problem.km(j.node, d.node) }))
      .filter((o): o is { d: DemandLot; di: number; km: number } => within(o.km));
    const outLandfill = landfills
      .map((l, li) => ({ l, li, km: problem.km(j.node, l.node) }))
      .filter((o): o is { l: Landfill; li: number; km: number } => within(o.km));

    for (const [k, sources] of inbound) {
      const material = materialOfType(k);
      const cls = classOfType(k);
      const flagMask = flagMaskOfType(k);
      const acid = (flagMask & acidMask) !== 0;
      const entryFirst = Math.min(...sources.map(({ si }) => Math.max((surplus[si] as SurplusLot).months.first, j.open.first)));
      const demands = outDemand.filter(({ d }) => demandTakes(d, material, cls, flagMask));
      const dumps = outLandfill.filter(({ l }) => landfillTakes(l, material, cls, false, flagMask));
      let lastExit = -1;
      for (const { d } of demands) lastExit = Math.max(lastExit, Math.min(d.months.last, j.open.last));
      for (const { l } of dumps) lastExit = Math.max(lastExit, Math.min(l.open.last, j.open.last));
      // Acid-forming rock is only stored in between (DESIGN §8): it never stays on a site that keeps inventory.
      const last = j.keepsInventory && !acid ? j.open.last : lastExit;
      if (last < entryFirst) continue; // nothing of this type could ever leave
      const balanceBase = rowLower.length;
      for (let t = entryFirst; t <= last; t++) addRow(0, 0);
      const balance = (t: number) => balanceBase + t - entryFirst;
      // I[t] is the stock at the end of month t; it is 0 after `last` unless the site keeps it.
      const inventoryLast = acid && acidMonthEnds === 0 ? entryFirst - 1 : j.keepsInventory && !acid ? last : last - 1;
      // Acid-forming rock stays at most `acidMonthEnds` month-ends: the stock at the end of month t
      // is at most what arrived in the last acidMonthEnds months (oldest out first, DESIGN §8).
      const ageBase = rowLower.length;
      const ageRows = acid ? Math.max(0, inventoryLast - entryFirst + 1) : 0;
      for (let t = 0; t < ageRows; t++) addRow(-Infinity, 0);
      const ageRow = (t: number) => (t >= entryFirst && t <= inventoryLast && acid ? ageBase + t - entryFirst : -1);

      for (const { si, km } of sources) {
        const s = surplus[si] as SurplusLot;
        const cost = leg(km) + (co2 ? 0 : j.handlingCostPerTonne);
        for (let t = Math.max(s.months.first, entryFirst); t <= Math.min(s.months.last, last); t++) {
          addColumn(Kind.to_storage, cost, s.node, j.node, t, km, k);
          entry(surplusRowAt(si, t), 1);
          entry(balance(t), -1);
          for (let age = 0; age < acidMonthEnds; age++) {
            const row = ageRow(t + age);
            if (row >= 0) entry(row, -1);
          }
          endColumn();
        }
      }
      for (let t = entryFirst; t <= inventoryLast; t++) {
        addColumn(Kind.inventory, 0, j.node, j.node, t, 0, k);
        entry(balance(t), 1);
        if (t < last) entry(balance(t + 1), -1);
        entry(capRowAt(t), 1);
        if (ageRow(t) >= 0) entry(ageRow(t), 1);
        endColumn();
      }
      for (const { d, di, km } of demands) {
        const cost = leg(km);
        for (let t = Math.max(d.months.first, entryFirst); t <= Math.min(d.months.last, last); t++) {
          addColumn(Kind.from_storage, cost, j.node, d.node, t, km, k);
          entry(balance(t), 1);
          entry(demandRowAt(di, t), 1);
          endColumn();
        }
      }
      for (const { l, li, km } of dumps) {
        const cost = leg(km) + (co2 ? 0 : landfillFeePerTonne(l, cls, false));
        for (let t = Math.max(l.open.first, entryFirst); t <= Math.min(l.open.last, last); t++) {
          addColumn(Kind.storage_to_landfill, cost, j.node, l.node, t, km, k);
          entry(balance(t), 1);
          if ((landfillRow[li] as number) >= 0) entry(landfillRow[li] as number, 1);
          endColumn();
        }
      }
    }
  });

  // w: surplus → landfill.
  surplus.forEach((s, si) => {
    landfills.forEach((l, li) => {
      if (!landfillTakes(l, s.material, s.contaminationClass, s.hazardous, flagMaskOfType(s.massType))) return;
      const km = problem.km(s.node, l.node);
      if (!within(km)) return;
      const range = overlap(s.months, l.open);
      const cost = leg(km) + (co2 ? 0 : landfillFeePerTonne(l, s.contaminationClass, s.hazardous));
      for (let t = range.first; t <= range.last; t++) {
        addColumn(Kind.to_landfill, cost, s.node, l.node, t, km, s.massType);
        entry(surplusRowAt(si, t), 1);
        if ((landfillRow[li] as number) >= 0) entry(landfillRow[li] as number, 1);
        endColumn();
      }
    });
  });

  // v: quarry → demand.
  demand.forEach((d, di) => {
    quarries.forEach((r) => {
      const material = quarryMaterialFor(r, d);
      if (!material) return;
      const km = problem.km(r.node, d.node);
      if (!within(km)) return;
      const range = overlap(d.months, r.open);
      const cost = leg(km) + (co2 ? r.kgCO2ePerTonne : r.pricePerTonne + p.carbonPricePerKg * r.kgCO2ePerTonne);
      const type = massTypeOf(material, 1);
      for (let t = range.first; t <= range.last; t++) {
        addColumn(Kind.virgin, cost, r.node, d.node, t, km, type);
        entry(demandRowAt(di, t), 1);
        endColumn();
      }
    });
  });

  // Unplaced slack, one per lot row.
  const slackOfRow = new Int32Array(lotRowCount).fill(-1);
  const addSlack = (lots: (SurplusLot | DemandLot)[], rows: Int32Array, k: number) =>
    lots.forEach((lot, i) => {
      for (let t = lot.months.first; t <= lot.months.last; t++) {
        const row = (rows[i] as number) + t - lot.months.first;
        slackOfRow[row] = kind.length;
        addColumn(k, p.unplacedPenaltyPerTonne, lot.node, lot.node, t, 0, "massType" in lot ? lot.massType : 0);
        entry(row, 1);
        endColumn();
      }
    });
  addSlack(surplus, surplusRow, Kind.unplaced_surplus);
  addSlack(demand, demandRow, Kind.unplaced_demand);

  const numCols = kind.length;
  const model: LpModel = {
    numCols,
    numRows: rowLower.length,
    colCost: colCost.done(),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(Infinity),
    rowLower: rowLower.done(),
    rowUpper: rowUpper.done(),
    colStart: colStart.done(),
    rowIndex: rowIndex.done(),
    value: value.done(),
  };
  return {
    model,
    columns: {
      count: numCols,
      kind: kind.done(),
      from: from.done(),
      to: to.done(),
      month: month.done(),
      km: kmOf.done(),
      massType: massType.done(),
    },
    rows: { surplusRow, demandRow, capacityRow, landfillRow, slackOfRow },
  };
}
