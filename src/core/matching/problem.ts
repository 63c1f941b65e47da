import { materials, toTonnes, type Material } from "../domain/materials";
import { spreadTonnes } from "../domain/monthly-profile";
import type { HaulPoint } from "../haul/distance-matrix";
import { straightLineMatrix } from "../haul/straight-line";
import { emissionFactorWarnings } from "./emissions";
import type { Instance, LandfillSite, MatchingParameters, QuarrySite, StorageSite } from "./instance";

/**
 * An instance in the matching engine's working form: quantities in tonnes per month, months and
 * materials as indices, distances looked up by node. Everything the model builder, the result
 * reader, the baseline and the greedy reference share.
 */

/** Mass type k = (material, contamination class), as an index 0 … 29: material × 5 + class − 1. */
export const massTypeOf = (material: Material, contaminationClass: number): number =>
  materials.indexOf(material) * 5 + contaminationClass - 1;
export const materialOfType = (k: number): Material => materials[Math.floor(k / 5)] as Material;
export const classOfType = (k: number): number => (k % 5) + 1;

/** An inclusive range of month indices; `first > last` means never. */
export interface MonthRange {
  first: number;
  last: number;
}

export interface SurplusLot {
  node: number;
  id: string;
  material: Material;
  contaminationClass: number;
  hazardous: boolean;
  massType: number;
  tonnes: number;
  months: MonthRange;
  /** Tonnes per month of `months`, index 0 = months.first. */
  tonnesByMonth: Float64Array;
}

export interface DemandLot {
  node: number;
  id: string;
  material: Material;
  /** The material it needs first, then what it also takes. */
  acceptedMaterials: Material[];
  worstClass: number;
  tonnes: number;
  months: MonthRange;
  tonnesByMonth: Float64Array;
}

export interface Storage {
  node: number;
  id: string;
  label: string;
  capacityTonnes: number;
  materials: ReadonlySet<Material>;
  worstClass: number;
  handlingCostPerTonne: number;
  keepsInventory: boolean;
  open: MonthRange;
  /** Site allocation (DESIGN §9): present on a candidate site only. */
  candidate?: { fixedCostNok: number; rentNokPerMonth: number; allocation?: "required" | "excluded" };
  areaM2?: number;
}

export interface Landfill {
  node: number;
  id: string;
  label: string;
  gateFeePerTonne: number;
  capacityTonnes: number | undefined;
  materials: ReadonlySet<Material>;
  worstClass: number;
  acceptsHazardous: boolean;
  open: MonthRange;
}

export interface Quarry {
  node: number;
  id: string;
  label: string;
  materials: ReadonlySet<Material>;
  pricePerTonne: number;
  kgCO2ePerTonne: number;
  open: MonthRange;
}

export interface Problem {
  months: readonly string[];
  parameters: MatchingParameters;
  surplus: SurplusLot[];
  demand: DemandLot[];
  storage: Storage[];
  landfills: Landfill[];
  quarries: Quarry[];
  /** Node index → id, lots first then sites, in instance order. */
  nodeIds: string[];
  /** Haul km between two nodes, or undefined when the pair has no distance (not an allowed arc). */
  km(from: number, to: number): number | undefined;
  warnings: string[];
}

/** Converts a validated instance; pure and fast (a distance matrix is the largest part). */
export function prepareProblem(instance: Instance): Problem {
  const { months, parameters } = instance;
  const rangeOf = (window: { from: string; to: string } | undefined): MonthRange => {
    if (!window) return { first: 0, last: months.length - 1 };
    let first = months.findIndex((m) => m >= window.from);
    if (first < 0) first = months.length;
    let last = -1;
    for (let i = months.length - 1; i >= 0; i--) {
      if ((months[i] as string) <= window.to) {
        last = i;
        break;
      }
    }
    return { first, last };
  };
  // The one spreading rule of the registry and the mass balance (a profile that does not fit spreads evenly).
  const spread = (tonnes: number, range: MonthRange, profile: number[] | undefined): Float64Array =>
    Float64Array.from(spreadTonnes(tonnes, range.last - range.first + 1, profile));

  const nodeIds: string[] = [];
  const locations: ([number, number] | undefined)[] = [];
  const surplus: SurplusLot[] = [];
  const demand: DemandLot[] = [];
  for (const lot of instance.lots) {
    const node = nodeIds.push(lot.id) - 1;
    locations.push(lot.location);
    const tonnes = toTonnes(lot.quantity.value, lot.quantity.unit, lot.material);
    const range = rangeOf(lot.window);
    const tonnesByMonth = spread(tonnes, range, lot.monthlyProfile);
    if (lot.direction === "surplus") {
      surplus.push({
        node,
        id: lot.id,
        material: lot.material,
        contaminationClass: lot.contaminationClass,
        hazardous: lot.hazardous,
        massType: massTypeOf(lot.material, lot.contaminationClass),
        tonnes,
        months: range,
        tonnesByMonth,
      });
    } else {
      const acceptedMaterials = [lot.material, ...(lot.acceptsMaterials ?? []).filter((m) => m !== lot.material)];
      demand.push({
        node,
        id: lot.id,
        material: lot.material,
        acceptedMaterials: [...new Set(acceptedMaterials)],
        worstClass: lot.contaminationClass,
        tonnes,
        months: range,
        tonnesByMonth,
      });
    }
  }

  const storage: Storage[] = [];
  const landfills: Landfill[] = [];
  const quarries: Quarry[] = [];
  for (const site of instance.sites) {
    const node = nodeIds.push(site.id) - 1;
    locations.push(site.location);
    const common = { node, id: site.id, label: site.name ?? site.id, open: rangeOf(site.window) };
    if (site.kind === "storage") storage.push(storageOf(site, common));
    else if (site.kind === "landfill") landfills.push(landfillOf(site, common));
    else quarries.push(quarryOf(site, common));
  }

  const warnings: string[] = [...emissionFactorWarnings(parameters)];
  const km = instance.distances
    ? givenDistances(instance.distances, nodeIds)
    : computedDistances(locations, { surplus, demand, storage, landfills, quarries }, parameters, warnings);
  return { months, parameters, surplus, demand, storage, landfills, quarries, nodeIds, km, warnings };
}

type Common = { node: number; id: string; label: string; open: MonthRange };

function storageOf(site: StorageSite, common: Common): Storage {
  return {
    ...common,
    capacityTonnes: site.capacityTonnes,
    materials: new Set(site.accepts.materials),
    worstClass: site.accepts.worstClass,
    handlingCostPerTonne: site.handlingCostPerTonne,
    keepsInventory: site.keepsInventory,
    ...(site.candidate
      ? {
          candidate: {
            // The schema requires fixedCostNok on a candidate; 0 only for an instance that skipped validation.
            fixedCostNok: site.fixedCostNok ?? 0,
            rentNokPerMonth: site.rentNokPerMonth ?? 0,
            ...(site.allocation ? { allocation: site.allocation } : {}),
          },
        }
      : {}),
    ...(site.areaM2 !== undefined ? { areaM2: site.areaM2 } : {}),
  };
}

function landfillOf(site: LandfillSite, common: Common): Landfill {
  return {
    ...common,
    gateFeePerTonne: site.gateFeePerTonne,
    capacityTonnes: site.capacityTonnes,
    materials: new Set(site.accepts?.materials ?? materials),
    worstClass: site.accepts?.worstClass ?? 5,
    acceptsHazardous: site.acceptsHazardous,
  };
}

function quarryOf(site: QuarrySite, common: Common): Quarry {
  return {
    ...common,
    materials: new Set(site.materials),
    pricePerTonne: site.pricePerTonne,
    kgCO2ePerTonne: site.kgCO2ePerTonne,
  };
}

/** Given pairs, either direction; a pair listed twice keeps its last km. */
function givenDistances(pairs: NonNullable<Instance["distances"]>, nodeIds: string[]): Problem["km"] {
  const nodeOf = new Map(nodeIds.map((id, node) => [id, node]));
  const n = nodeIds.length;
  const table = new Map<number, number>();
  for (const pair of pairs) {
    const a = nodeOf.get(pair.from);
    const b = nodeOf.get(pair.to);
    if (a === undefined || b === undefined) continue; // the schema has refused these already
    table.set(a * n + b, pair.km);
    table.set(b * n + a, pair.km);
  }
  return (from, to) => table.get(from * n + to);
}

/**
 * Distances for the arcs the model can use: origins (surplus lots, storage, quarries) to
 * destinations (demand lots, storage, landfills), from `straightLineMatrix` (DESIGN §3 mode 1).
 * Road and OSRM modes arrive with the haul-distance issue; until then they fall back to straight
 * lines with a warning, so a result never hides which distances it used.
 */
function computedDistances(
  locations: ([number, number] | undefined)[],
  parts: Pick<Problem, "surplus" | "demand" | "storage" | "landfills" | "quarries">,
  parameters: MatchingParameters,
  warnings: string[],
): Problem["km"] {
  if (parameters.distanceMode !== "straight") {
    warnings.push(
      `distanceMode "${parameters.distanceMode}" is not available in the matching engine yet; ` +
        `straight-line distances × ${parameters.circuityFactor} were used instead.`,
    );
  }
  const point = (node: number): HaulPoint => ({ id: String(node), location: locations[node] ?? [0, 0] });
  const origins = [...parts.surplus, ...parts.storage, ...parts.quarries].map((x) => x.node);
  const destinations = [...parts.demand, ...parts.storage, ...parts.landfills].map((x) => x.node);
  const matrix = straightLineMatrix(origins.map(point), destinations.map(point), {
    circuityFactor: parameters.circuityFactor,
  });
  const n = locations.length;
  const row = new Int32Array(n).fill(-1);
  const column = new Int32Array(n).fill(-1);
  origins.forEach((node, i) => (row[node] = i));
  destinations.forEach((node, j) => (column[node] = j));
  const width = destinations.length;
  const flat = new Float64Array(origins.length * width);
  matrix.km.forEach((values, i) => values.forEach((value, j) => (flat[i * width + j] = value ?? NaN)));
  return (from, to) => {
    const i = row[from] ?? -1;
    const j = column[to] ?? -1;
    if (i < 0 || j < 0) return undefined;
    const value = flat[i * width + j] as number;
    return Number.isNaN(value) ? undefined : value;
  };
}
