/**
 * Builds a matching instance from what the registry holds: every live lot of every project and the
 * sites in play, with a scenario's parameters and what-if overrides. Pure, so the server, the
 * browser and the tests build the same instance.
 */
import { area } from "@turf/area";
import { z } from "zod";
import { earliestMonth, latestMonth, maxLotTonnes } from "../domain/input-bounds";
import { monthsBetween, shiftMonth } from "../domain/months";
import { monthWindowSchema, type Project, type Site } from "../domain/records";
import { representativePoint } from "../geo/geometry";
import type { InstanceInput, MatchingParameters } from "./instance";

/** A what-if change to one lot ("what if the tunnel is delayed six months"). */
export const lotOverrideSchema = z
  .object({
    lotId: z.string().min(1, "must name a lot"),
    /** Move the lot's window by whole months (negative = earlier). */
    shiftMonths: z.number().int("must be whole months").min(-120).max(120).optional(),
    /** Replace the lot's window. */
    window: monthWindowSchema.optional(),
    /** Multiply the lot's quantity, e.g. 1.2 for 20 % more. */
    quantityFactor: z.number().positive("must be > 0").max(100, "must be at most 100").optional(),
  })
  .refine((o) => !(o.shiftMonths !== undefined && o.window), {
    message: "give either shiftMonths or window, not both",
    path: ["window"],
  });
export type LotOverride = z.infer<typeof lotOverrideSchema>;

export interface RegistryInstanceOptions {
  parameters?: Partial<MatchingParameters>;
  /** The sites in play; all sites that are not closed when absent. */
  siteIds?: readonly string[] | null;
  overrides?: readonly LotOverride[];
  /**
   * Density for a storage site's capacity estimate when it has no capacity, t/m³. Default 1.9,
   * the in-place density of gravel, clay and mixed masses (DESIGN §5).
   */
  estimateDensityTonnesPerM3?: number;
  /** Defaults for the estimate when a storage site lacks them: stack height m, usable share. */
  defaultStackHeightM?: number;
  defaultUsableShare?: number;
}

export interface RegistryInstance {
  instance: InstanceInput;
  /** What a planner should know about how the instance was made (estimates, left-out sites). */
  notes: string[];
  /** Problems that stop a run: no lots, an override for a lot that does not exist … */
  problems: string[];
}

export function instanceFromRegistry(
  projects: readonly Project[],
  sites: readonly Site[],
  {
    parameters = {},
    siteIds = null,
    overrides = [],
    estimateDensityTonnesPerM3 = 1.9,
    defaultStackHeightM = 5,
    defaultUsableShare = 0.7,
  }: RegistryInstanceOptions = {},
): RegistryInstance {
  const notes: string[] = [];
  const problems: string[] = [];
  const overrideOf = new Map(overrides.map((o) => [o.lotId, o]));
  const lotIds = new Set(projects.flatMap((p) => p.lots.map((l) => l.id)));
  for (const o of overrides) if (!lotIds.has(o.lotId)) problems.push(`an override names lot ${o.lotId}, which is not in the registry`);

  const lots: InstanceInput["lots"] = projects
    .filter((p) => !p.deletedAt)
    .flatMap((project) =>
      project.lots
        .filter((lot) => !lot.deletedAt)
        .map((lot) => {
          const override = overrideOf.get(lot.id);
          const window = override?.window ?? {
            from: shiftMonth(lot.window.from, override?.shiftMonths ?? 0),
            to: shiftMonth(lot.window.to, override?.shiftMonths ?? 0),
          };
          return {
            id: lot.id,
            projectId: project.id,
            direction: lot.direction,
            material: lot.material,
            contaminationClass: lot.contaminationClass,
            hazardous: lot.direction === "surplus" && lot.hazardous,
            // Tonnes already converted with the admin's table in force, so the run uses the same numbers as the registry.
            quantity: { value: lot.tonnes * (override?.quantityFactor ?? 1), unit: "tonnes" as const },
            window,
            ...(lot.monthlyProfile && monthsBetween(window.from, window.to).length === lot.monthlyProfile.length
              ? { monthlyProfile: lot.monthlyProfile }
              : {}),
            location: representativePoint(project.location),
          };
        }),
    )
    .filter((lot) => {
      // One lot out of bounds (saved before the bounds existed, or pushed out by an override) is
      // left out with a note, so it cannot stop the run for every other lot (issue 12).
      const outOfBounds = lotOutOfBounds(lot);
      if (outOfBounds) notes.push(`lot ${lot.id} (project ${lot.projectId}) is left out: ${outOfBounds}`);
      return !outOfBounds;
    });
  if (lots.length === 0) problems.push("the registry has no lots: log the projects' masses first");

  const inPlay = sites.filter((site) => !site.deletedAt && (siteIds ? siteIds.includes(site.id) : site.status !== "closed"));
  if (siteIds) {
    const known = new Set(sites.map((s) => s.id));
    for (const id of siteIds) if (!known.has(id)) problems.push(`the scenario names site ${id}, which does not exist`);
  }
  const instanceSites: InstanceInput["sites"] = [];
  for (const site of inPlay) {
    const base = { id: site.id, name: site.name, location: representativePoint(site.geometry), ...(site.window ? { window: site.window } : {}) };
    if (site.kind === "storage") {
      if (!site.accepts) {
        notes.push(`storage ${site.name} is left out: it has no accepted materials`);
        continue;
      }
      let capacityTonnes = site.capacityTonnes;
      if (capacityTonnes === undefined) {
        const areaM2 = area({ type: "Feature", properties: {}, geometry: site.geometry });
        capacityTonnes = areaM2 * (site.usableShare ?? defaultUsableShare) * (site.stackHeightM ?? defaultStackHeightM) * estimateDensityTonnesPerM3;
        notes.push(`storage ${site.name}: capacity estimated at ${Math.round(capacityTonnes)} t from its area`);
      }
      instanceSites.push({ ...base, kind: "storage", capacityTonnes, accepts: site.accepts, handlingCostPerTonne: site.handlingCostPerTonne ?? 0 });
    } else if (site.kind === "landfill") {
      instanceSites.push({
        ...base,
        kind: "landfill",
        ...(site.gateFeePerTonne !== undefined ? { gateFeePerTonne: site.gateFeePerTonne } : {}),
        ...(site.capacityTonnes !== undefined ? { capacityTonnes: site.capacityTonnes } : {}),
        ...(site.accepts ? { accepts: site.accepts } : {}),
        acceptsHazardous: site.acceptsHazardous ?? false,
      });
    } else {
      if (!site.materials?.length || site.pricePerTonne === undefined || site.kgCO2ePerTonne === undefined) {
        notes.push(`quarry ${site.name} is left out: it needs materials, price and CO2e per tonne`);
        continue;
      }
      instanceSites.push({ ...base, kind: "quarry", materials: site.materials, pricePerTonne: site.pricePerTonne, kgCO2ePerTonne: site.kgCO2ePerTonne });
    }
  }
  if (!instanceSites.some((s) => s.kind === "landfill")) notes.push("no landfill is in play: surplus that finds no use stays unplaced");
  if (!instanceSites.some((s) => s.kind === "quarry")) notes.push("no quarry is in play: demand that finds no surplus stays unplaced");

  const from = lots.reduce((min, lot) => (lot.window.from < min ? lot.window.from : min), lots[0]?.window.from ?? "");
  const to = lots.reduce((max, lot) => (lot.window.to > max ? lot.window.to : max), lots[0]?.window.to ?? "");
  return {
    instance: { months: from ? monthsBetween(from, to) : [], parameters, lots, sites: instanceSites },
    notes,
    problems,
  };
}

/** Why a lot cannot go into a run, or undefined when it can: its months or weight are beyond the input bounds. */
function lotOutOfBounds(lot: InstanceInput["lots"][number]): string | undefined {
  const { from, to } = lot.window;
  if (!(from >= earliestMonth && to <= latestMonth)) return `its window ${from}…${to} is outside ${earliestMonth}…${latestMonth}`;
  if (!(lot.quantity.value <= maxLotTonnes)) return `its ${lot.quantity.value} t are over the limit of ${maxLotTonnes} t per lot`;
  return undefined;
}
