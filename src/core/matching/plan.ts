import { Kind, type BuiltModel } from "./build-model";
import { flowTransport } from "./emissions";
import { needsPermit, permitCovers } from "../special-masses/permits";
import { classOfType, landfillFeePerTonne, materialOfType, type Problem, type SurplusLot } from "./problem";
import type { Flow, FlowKind, InventoryPoint, Kpis } from "./result";

/**
 * Reads a plan — one value per LP column, from the solver or from the baseline or greedy
 * heuristics — into flows, inventory and KPIs, so that all three are measured the same way.
 */

/** Tonnes below this are solver noise, not a flow (0.1 kg). */
export const tonnesTolerance = 1e-4;

const flowKindOf: Partial<Record<number, FlowKind>> = {
  [Kind.direct]: "direct",
  [Kind.to_storage]: "to_storage",
  [Kind.from_storage]: "from_storage",
  [Kind.to_landfill]: "to_landfill",
  [Kind.storage_to_landfill]: "to_landfill",
  [Kind.virgin]: "virgin",
};

export interface ReadPlan {
  flows: Flow[];
  inventory: InventoryPoint[];
  kpis: Kpis;
  /** Σ colCost × value: the objective the LP minimises. */
  objective: number;
}

export function readPlan(problem: Problem, built: BuiltModel, values: Float64Array): ReadPlan {
  const { columns, model } = built;
  const { parameters: p, nodeIds, months } = problem;
  const handling = new Map(problem.storage.map((j) => [j.node, j.handlingCostPerTonne]));
  const landfill = new Map(problem.landfills.map((l) => [l.node, l]));
  const surplusAt = new Map(problem.surplus.map((s) => [s.node, s]));
  const permitNeeded = permitReader(problem, columns, values);
  const quarry = new Map(problem.quarries.map((r) => [r.node, r]));
  const storageNodes = new Map(problem.storage.map((j) => [j.node, j]));

  const flows: Flow[] = [];
  // End-of-month stock per (storage node, month), summed over mass types.
  const stock = new Map<number, number>();
  let objective = 0;
  const k: Kpis = emptyKpis(problem);
  let legTonneKm = 0;
  let trips = 0;
  let vehicleKm = 0;
  for (let c = 0; c < columns.count; c++) {
    const tonnes = values[c] as number;
    if (!(tonnes > 0)) continue;
    objective += tonnes * (model.colCost[c] as number);
    if (tonnes < tonnesTolerance) continue;
    const kind = columns.kind[c] as number;
    const from = columns.from[c] as number;
    const to = columns.to[c] as number;
    const t = columns.month[c] as number;
    const km = columns.km[c] as number;
    const type = columns.massType[c] as number;
    if (kind === Kind.inventory) {
      const key = from * months.length + t;
      stock.set(key, (stock.get(key) ?? 0) + tonnes);
      continue;
    }
    if (kind === Kind.unplaced_surplus) {
      k.tonnesUnplacedSurplus += tonnes;
      continue;
    }
    if (kind === Kind.unplaced_demand) {
      k.tonnesUnplacedDemand += tonnes;
      continue;
    }
    const flowKind = flowKindOf[kind] as FlowKind;
    const flagged = permitNeeded(kind, from, to, t, type);
    flows.push({
      from: nodeIds[from] as string,
      to: nodeIds[to] as string,
      month: months[t] as string,
      tonnes,
      km,
      material: materialOfType(type),
      contaminationClass: classOfType(type),
      kind: flowKind,
      needsPermit: flagged,
    });
    if (flagged) k.tonnesNeedingPermit += tonnes;
    legTonneKm += tonnes * km;
    // Whole loads per flow, each driven loaded and back empty (core/matching/emissions.ts).
    const transport = flowTransport(tonnes, km, p);
    trips += transport.trips;
    vehicleKm += transport.vehicleKm;
    k.kgCO2Transport += transport.kgCO2;
    k.cost += tonnes * (km * p.costPerTonneKm + p.loadingCostPerTonne);
    if (kind === Kind.direct || kind === Kind.from_storage) k.tonnesReused += tonnes;
    if (kind === Kind.from_storage) k.tonnesThroughStorage += tonnes;
    if (kind === Kind.to_storage) k.cost += tonnes * (handling.get(to) ?? 0);
    if (kind === Kind.to_landfill || kind === Kind.storage_to_landfill) {
      k.tonnesToLandfill += tonnes;
      const l = landfill.get(to);
      if (l) k.cost += tonnes * landfillFeePerTonne(l, classOfType(type), surplusAt.get(from)?.hazardous ?? false);
    }
    if (kind === Kind.virgin) {
      const r = quarry.get(from);
      k.tonnesVirgin += tonnes;
      k.cost += tonnes * (r?.pricePerTonne ?? 0);
      k.kgCO2eVirgin += tonnes * (r?.kgCO2ePerTonne ?? 0);
    }
  }
  k.tonneKm = legTonneKm;
  k.truckTrips = trips;
  k.vehicleKm = vehicleKm;
  k.kgCO2e = k.kgCO2Transport + k.kgCO2eVirgin;
  k.reuseRate = k.tonnesSurplus > 0 ? k.tonnesReused / k.tonnesSurplus : 0;

  const inventory: InventoryPoint[] = [];
  for (const [key, tonnes] of stock) {
    const node = Math.floor(key / months.length);
    const t = key % months.length;
    const j = storageNodes.get(node);
    if (!j) continue;
    inventory.push({ siteId: j.id, month: months[t] as string, tonnes });
    k.peakInventoryTonnes[j.id] = Math.max(k.peakInventoryTonnes[j.id] ?? 0, tonnes);
    if (j.keepsInventory && t === j.open.last) k.tonnesInStorageAtEnd += tonnes;
  }
  inventory.sort((a, b) => (a.siteId === b.siteId ? a.month.localeCompare(b.month) : a.siteId.localeCompare(b.siteId)));
  return { flows, inventory, kpis: k, objective };
}

function emptyKpis(problem: Problem): Kpis {
  return {
    tonnesSurplus: problem.surplus.reduce((sum, s) => sum + s.tonnes, 0),
    tonnesDemand: problem.demand.reduce((sum, d) => sum + d.tonnes, 0),
    tonnesReused: 0,
    reuseRate: 0,
    tonnesThroughStorage: 0,
    tonnesToLandfill: 0,
    tonnesVirgin: 0,
    tonnesUnplacedSurplus: 0,
    tonnesUnplacedDemand: 0,
    tonnesInStorageAtEnd: 0,
    tonnesNeedingPermit: 0,
    tonneKm: 0,
    truckTrips: 0,
    vehicleKm: 0,
    kgCO2e: 0,
    kgCO2Transport: 0,
    kgCO2eVirgin: 0,
    cost: 0,
    peakInventoryTonnes: Object.fromEntries(problem.storage.map((j) => [j.id, 0])),
  };
}

/**
 * Whether a flow needs a permit its lot has not recorded (DESIGN §8, core/special-masses/permits.ts).
 * Mass out of storage needs one unless every lot that put mass of its type on that site by then
 * has a permit in force in the month it leaves (stored mass of one type is not told apart).
 */
function permitReader(problem: Problem, columns: BuiltModel["columns"], values: Float64Array) {
  const { months } = problem;
  const surplusAt = new Map(problem.surplus.map((s) => [s.node, s]));
  const demandAt = new Map(problem.demand.map((d) => [d.node, d]));
  // Lots that entered each (site, mass type), with the month they entered.
  const entered = new Map<string, { lot: SurplusLot; month: number }[]>();
  for (let c = 0; c < columns.count; c++) {
    if (columns.kind[c] !== Kind.to_storage || !((values[c] as number) >= tonnesTolerance)) continue;
    const lot = surplusAt.get(columns.from[c] as number);
    if (!lot) continue;
    const key = `${columns.to[c] as number}:${columns.massType[c] as number}`;
    entered.set(key, [...(entered.get(key) ?? []), { lot, month: columns.month[c] as number }]);
  }
  return (kind: number, from: number, to: number, t: number, type: number): boolean => {
    const month = months[t] as string;
    const contaminationClass = classOfType(type);
    if (kind === Kind.direct || kind === Kind.to_storage) {
      const lot = surplusAt.get(from);
      return needsPermit(
        {
          kind: kind === Kind.direct ? "direct" : "to_storage",
          month,
          contaminationClass,
          fromProjectId: lot?.projectId,
          toProjectId: demandAt.get(to)?.projectId,
        },
        lot?.permit,
      );
    }
    if (kind === Kind.from_storage) {
      if (!needsPermit({ kind: "from_storage", month, contaminationClass }, undefined)) return false;
      const sources = (entered.get(`${from}:${type}`) ?? []).filter((e) => e.month <= t);
      return sources.length === 0 || sources.some((e) => !permitCovers(e.lot.permit, month));
    }
    return false;
  };
}
