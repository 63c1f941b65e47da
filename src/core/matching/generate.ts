import { quantityUnits, type Material, type QuantityUnit } from "../domain/materials";
import type { InstanceInput } from "./instance";
import { shiftMonth } from "../domain/months";
import { seededRandom } from "../random/seeded-random";

/**
 * Seeded random instances for the benchmark and the property tests: projects scattered around
 * Asker (about 10.43° E, 59.83° N), lots with plausible materials, classes and windows, storage
 * sites, landfills and quarries. Same seed, same instance.
 */

export interface GenerateOptions {
  lots: number;
  /** Projects the lots belong to (about two lots each by default). */
  projects?: number;
  storageSites: number;
  landfills: number;
  quarries: number;
  months: number;
  seed?: number;
  /** First month of the horizon. */
  startMonth?: string;
  /** Half the side of the square the points fall in, km; grows with √lots by default (Asker ≈ 12 km). */
  halfSideKm?: number;
  /** Longest lot window, months. */
  maxWindowMonths?: number;
  /**
   * Storage sites that are candidates for allocation (DESIGN §9), the first ones in order: `true`
   * for all. Each gets an area, a fixed cost and a rent (see `candidateCosts`). The rest of the
   * instance is the same with or without candidates.
   */
  candidates?: boolean | number;
}



const surplusMix: [Material, number][] = [
  ["clay_silt", 0.3],
  ["moraine", 0.25],
  ["rock", 0.25],
  ["mixed", 0.1],
  ["topsoil", 0.06],
  ["gravel_sand", 0.04],
];
const demandMix: [Material, number][] = [
  ["gravel_sand", 0.3],
  ["rock", 0.3],
  ["moraine", 0.2],
  ["topsoil", 0.12],
  ["clay_silt", 0.05],
  ["mixed", 0.03],
];

export function generateInstance(options: GenerateOptions): InstanceInput {
  const {
    lots: lotCount,
    projects: projectCount = Math.max(1, Math.ceil(lotCount / 2)),
    storageSites,
    landfills,
    quarries,
    months: monthCount,
    seed = 1,
    startMonth = "2027-01",
    halfSideKm = 12 * Math.sqrt(Math.max(lotCount, 20) / 400),
    maxWindowMonths = 6,
  } = options;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: [T, number][]): T => {
    let r = random() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return (items.at(-1) as [T, number])[0];
  };
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  // Degrees per km at 59.8° N.
  const kmPerDegLat = 111.2;
  const kmPerDegLon = 111.2 * Math.cos((59.83 * Math.PI) / 180);
  const point = (): [number, number] => [
    round(10.43 + between(-halfSideKm, halfSideKm) / kmPerDegLon, 5),
    round(59.83 + between(-halfSideKm, halfSideKm) / kmPerDegLat, 5),
  ];
  const months = Array.from({ length: monthCount }, (_, i) => shiftMonth(startMonth, i));
  const window = (maxLength: number) => {
    const length = 1 + Math.floor(random() * Math.min(maxLength, monthCount));
    const from = Math.floor(random() * (monthCount - length + 1));
    return { from: months[from] as string, to: months[from + length - 1] as string };
  };

  const projectLocations = Array.from({ length: projectCount }, point);
  const lots: InstanceInput["lots"] = [];
  for (let i = 0; i < lotCount; i++) {
    const projectIndex = i < projectCount ? i : Math.floor(random() * projectCount);
    const surplus = random() < 0.5;
    const material = weighted(surplus ? surplusMix : demandMix);
    const unit: QuantityUnit = random() < 0.6 ? "tonnes" : pick(quantityUnits);
    const hazardous = surplus && random() < 0.02;
    const contaminationClass = surplus ? weighted([[1, 0.55], [2, 0.25], [3, 0.12], [4, 0.06], [5, 0.02]]) : weighted([[1, 0.4], [2, 0.3], [3, 0.2], [4, 0.1]]);
    const fill = !surplus && (material === "rock" || material === "moraine") && random() < 0.5;
    lots.push({
      id: `L${i + 1}`,
      projectId: `P${projectIndex + 1}`,
      direction: surplus ? "surplus" : "demand",
      material,
      ...(fill ? { acceptsMaterials: ["rock", "moraine", "mixed"] as Material[] } : {}),
      contaminationClass,
      ...(hazardous ? { hazardous } : {}),
      quantity: { value: Math.round(between(300, 15_000)), unit },
      window: window(maxWindowMonths),
      location: projectLocations[projectIndex] as [number, number],
    });
  }

  const sites: InstanceInput["sites"] = [];
  for (let i = 0; i < storageSites; i++) {
    const materials = [...new Set([pick(surplusMix)[0], pick(surplusMix)[0], pick(demandMix)[0]])];
    const partial = random() < 0.25;
    sites.push({
      id: `S${i + 1}`,
      kind: "storage",
      location: point(),
      capacityTonnes: Math.round(between(10_000, 60_000)),
      accepts: { materials, worstClass: random() < 0.6 ? 2 : 3 },
      handlingCostPerTonne: Math.round(between(15, 40)),
      ...(partial ? { window: window(Math.max(2, Math.ceil(monthCount * 0.7))) } : {}),
      ...(random() < 0.1 ? { keepsInventory: true } : {}),
    });
  }
  for (let i = 0; i < landfills; i++) {
    sites.push({
      id: `D${i + 1}`,
      kind: "landfill",
      location: point(),
      gateFeePerTonne: Math.round(between(250, 400)),
      accepts: { materials: ["rock", "gravel_sand", "moraine", "clay_silt", "topsoil", "mixed"], worstClass: i === 0 ? 5 : pick([3, 4, 5]) },
      ...(i === 0 ? { acceptsHazardous: true } : { capacityTonnes: Math.round(between(50_000, 200_000) * Math.max(1, lotCount / 400)) }),
    });
  }
  for (let i = 0; i < quarries; i++) {
    const offered: Material[] = i % 2 === 0 ? ["gravel_sand", "rock", "moraine", "topsoil"] : ["gravel_sand", "rock"];
    sites.push({
      id: `Q${i + 1}`,
      kind: "quarry",
      location: point(),
      materials: offered,
      pricePerTonne: Math.round(between(120, 200)),
      kgCO2ePerTonne: round(between(3, 8), 2),
    });
  }
  const candidateCount = options.candidates === true ? storageSites : Math.min(storageSites, Math.max(0, Number(options.candidates ?? 0)));
  if (candidateCount > 0) {
    // Its own random stream, so that the lots and sites above stay the same.
    const costs = candidateCosts(seededRandom(seed * 7919 + 17));
    for (const site of sites.slice(0, candidateCount)) {
      if (site.kind === "storage") Object.assign(site, costs(site.capacityTonnes));
    }
  }
  return { months, lots, sites };
}

/**
 * Plausible allocation costs of a candidate storage site (a planning estimate, not a tender):
 * - area from its capacity by the capacity rule of the suitability defaults (3 m stack, 60 %
 *   usable, 1.52 t/m³ loose: 2.74 t per m² of site);
 * - fixed cost NOK 400,000 (zoning and permits, access, a weighbridge) plus NOK 80–200 per m²
 *   (stripping, a gravel pad, fence, drainage and sediment pond, restoring the land afterwards);
 * - rent NOK 2–6 per m² and month (NOK 24–72 per m² and year, a lease of industrial or farm land
 *   around Asker).
 * A 40,000 t site covers about 15,000 m², costs NOK 1.6–3.3 million and rents for NOK 30–90,000 a month.
 */
function candidateCosts(random: () => number) {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const tonnesPerM2 = 3 * 0.6 * 1.52;
  return (capacityTonnes: number) => {
    const areaM2 = Math.round(capacityTonnes / tonnesPerM2);
    return {
      candidate: true,
      areaM2,
      fixedCostNok: Math.round((400_000 + areaM2 * between(80, 200)) / 1000) * 1000,
      rentNokPerMonth: Math.round((areaM2 * between(2, 6)) / 100) * 100,
    };
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
