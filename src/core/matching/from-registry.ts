/**
 * Builds a matching instance from what the registry holds: every live lot of every project and the
 * sites in play, with a scenario's parameters and what-if overrides. Pure, so the server, the
 * browser and the tests build the same instance.
 */
import { z } from "zod";
import { earliestMonth, latestMonth, maxLotTonnes } from "../domain/input-bounds";
import { monthsBetween, shiftMonth } from "../domain/months";
import { profileFits } from "../domain/monthly-profile";
import { siteCapacityEstimate, type CapacityAssumptions } from "../suitability/capacity";
import { defaultSuitabilityRules } from "../suitability/rules";
import { monthWindowSchema, type Project, type Site } from "../domain/records";
import { representativePoint } from "../geo/geometry";
import { planarAreaM2 } from "../geo/planar-area";
import { englishText, message, messageSchema, type Message } from "../messages/message";
import { refineWith } from "../messages/zod-issues";
import { instanceSchema, type InstanceInput, type MatchingParameters } from "./instance";

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
  .refine((o) => !(o.shiftMonths !== undefined && o.window), refineWith(message("validation.shiftOrWindow"), ["window"]));
export type LotOverride = z.infer<typeof lotOverrideSchema>;

export interface RegistryInstanceOptions {
  parameters?: Partial<MatchingParameters>;
  /** The sites in play; all sites that are not closed when absent. */
  siteIds?: readonly string[] | null;
  overrides?: readonly LotOverride[];
  /**
   * Defaults of the capacity estimate for a storage site without a capacity (stack height, usable
   * share, density): the suitability rules' in force, so a run and the site card agree. Default:
   * the shipped rules (data/suitability-rules.json).
   */
  capacityDefaults?: CapacityAssumptions;
  /**
   * Whether a point lies on agricultural land (zoning or hensyn landbruk), for the rule that
   * topsoil with invasive species never goes there (DESIGN §8). Without it no lot is marked.
   */
  isAgriculturalAt?: (point: [number, number]) => boolean;
  /**
   * Candidate sites forced in or out (the scenario's `siteAllocation`, DESIGN §9): set as the
   * instance sites' `allocation`. A choice naming a site that is not a candidate in play is a problem.
   */
  siteAllocation?: readonly { siteId: string; allocation: "required" | "excluded" }[];
}

/**
 * `GET /api/matching/instance` and `GET /api/scenarios/:id/instance`: the instance the registry
 * gives, and how it was made. The instance is checked by its shape here; the cross-field checks of
 * `instanceSchema` run when it is solved (a registry may give an instance that cannot run, and says why).
 */
export const registryInstanceSchema = z.object({
  instance: z.object(instanceSchema.shape),
  /** What a planner should know about how the instance was made (estimates, left-out sites), in English. */
  notes: z.array(z.string()),
  /** The same notes as messages to translate. */
  noteDetails: z.array(messageSchema),
  /** Problems that stop a run: no lots, an override for a lot that does not exist …, in English. */
  problems: z.array(z.string()),
  /** The same problems as messages to translate. */
  problemDetails: z.array(messageSchema),
});
export type RegistryInstance = Omit<z.infer<typeof registryInstanceSchema>, "instance"> & { instance: InstanceInput };

export function instanceFromRegistry(
  projects: readonly Project[],
  sites: readonly Site[],
  {
    parameters = {},
    siteIds = null,
    overrides = [],
    capacityDefaults = defaultSuitabilityRules.capacity,
    isAgriculturalAt,
    siteAllocation = [],
  }: RegistryInstanceOptions = {},
): RegistryInstance {
  const notes: Message[] = [];
  const problems: Message[] = [];
  const overrideOf = new Map(overrides.map((o) => [o.lotId, o]));
  const lotIds = new Set(projects.flatMap((p) => p.lots.map((l) => l.id)));
  for (const o of overrides) if (!lotIds.has(o.lotId)) problems.push(message("registry.overrideUnknownLot", { lot: o.lotId }));

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
          const location = representativePoint(project.location);
          const surplus = lot.direction === "surplus";
          return {
            id: lot.id,
            projectId: project.id,
            direction: lot.direction,
            material: lot.material,
            contaminationClass: lot.contaminationClass,
            hazardous: surplus && lot.hazardous,
            // Special masses and permits (DESIGN §8): a surplus lot's flags and permit, a demand lot's accepted flags and land.
            ...(surplus && lot.flags?.length ? { flags: lot.flags } : {}),
            ...(surplus && lot.permit ? { permit: lot.permit } : {}),
            ...(!surplus && lot.acceptsFlags?.length ? { acceptsFlags: lot.acceptsFlags } : {}),
            ...(!surplus && isAgriculturalAt?.(location) ? { agriculturalLand: true } : {}),
            // Tonnes already converted with the admin's table in force, so the run uses the same numbers as the registry.
            quantity: { value: lot.tonnes * (override?.quantityFactor ?? 1), unit: "tonnes" as const },
            window,
            // A profile that no longer fits the (shifted or replaced) window is left out: the lot spreads evenly.
            ...(profileFits(lot.monthlyProfile, monthsBetween(window.from, window.to).length) ? { monthlyProfile: [...lot.monthlyProfile] } : {}),
            location,
          };
        }),
    )
    .filter((lot) => {
      // One lot out of bounds (saved before the bounds existed, or pushed out by an override) is
      // left out with a note, so it cannot stop the run for every other lot (issue 12).
      const outOfBounds = lotOutOfBounds(lot);
      if (outOfBounds) notes.push(outOfBounds);
      return !outOfBounds;
    });
  if (lots.length === 0) problems.push(message("registry.noLots"));

  const inPlay = sites.filter((site) => !site.deletedAt && (siteIds ? siteIds.includes(site.id) : site.status !== "closed"));
  if (siteIds) {
    const known = new Set(sites.map((s) => s.id));
    for (const id of siteIds) if (!known.has(id)) problems.push(message("registry.unknownSite", { site: id }));
  }
  const choiceOf = new Map(siteAllocation.map((choice) => [choice.siteId, choice.allocation]));
  for (const { siteId } of siteAllocation) {
    const site = inPlay.find((s) => s.id === siteId);
    if (!site?.candidate) problems.push(message("registry.allocationNotCandidate", { site: siteId }));
  }
  const instanceSites: InstanceInput["sites"] = [];
  for (const site of inPlay) {
    const base = { id: site.id, name: site.name, location: representativePoint(site.geometry), ...(site.window ? { window: site.window } : {}) };
    if (site.kind === "storage") {
      if (!site.accepts) {
        notes.push(message("registry.storageWithoutMaterials", { site: site.name }));
        continue;
      }
      let capacityTonnes = site.capacityTonnes;
      const areaM2 = planarAreaM2(site.geometry);
      if (capacityTonnes === undefined) {
        capacityTonnes = siteCapacityEstimate(areaM2, site, capacityDefaults).capacityTonnes;
        notes.push(message("registry.capacityEstimated", { site: site.name, capacityTonnes: Math.round(capacityTonnes) }));
      }
      // A candidate carries what allocation needs (DESIGN §9): its costs, its land (from the outline) and the scenario's choice.
      const choice = site.candidate ? choiceOf.get(site.id) : undefined;
      const candidateFields = site.candidate
        ? {
            candidate: true,
            ...(site.fixedCostNok !== undefined ? { fixedCostNok: site.fixedCostNok } : {}),
            ...(site.rentNokPerMonth !== undefined ? { rentNokPerMonth: site.rentNokPerMonth } : {}),
            areaM2,
            ...(choice ? { allocation: choice } : {}),
          }
        : {};
      instanceSites.push({ ...base, kind: "storage", capacityTonnes, accepts: site.accepts, handlingCostPerTonne: site.handlingCostPerTonne ?? 0, ...candidateFields });
    } else if (site.kind === "landfill") {
      instanceSites.push({
        ...base,
        kind: "landfill",
        ...(site.gateFeePerTonne !== undefined ? { gateFeePerTonne: site.gateFeePerTonne } : {}),
        ...(site.capacityTonnes !== undefined ? { capacityTonnes: site.capacityTonnes } : {}),
        ...(site.accepts ? { accepts: site.accepts } : {}),
        ...(site.gateFees ? { gateFees: site.gateFees } : {}),
        acceptsHazardous: site.acceptsHazardous ?? false,
      });
    } else {
      if (!site.materials?.length || site.pricePerTonne === undefined || site.kgCO2ePerTonne === undefined) {
        notes.push(message("registry.quarryIncomplete", { site: site.name }));
        continue;
      }
      instanceSites.push({ ...base, kind: "quarry", materials: site.materials, pricePerTonne: site.pricePerTonne, kgCO2ePerTonne: site.kgCO2ePerTonne });
    }
  }
  if (!instanceSites.some((s) => s.kind === "landfill")) notes.push(message("registry.noLandfill"));
  if (!instanceSites.some((s) => s.kind === "quarry")) notes.push(message("registry.noQuarry"));

  const from = lots.reduce((min, lot) => (lot.window.from < min ? lot.window.from : min), lots[0]?.window.from ?? "");
  const to = lots.reduce((max, lot) => (lot.window.to > max ? lot.window.to : max), lots[0]?.window.to ?? "");
  return {
    instance: { months: from ? monthsBetween(from, to) : [], parameters, lots, sites: instanceSites },
    notes: notes.map(englishText),
    noteDetails: notes,
    problems: problems.map(englishText),
    problemDetails: problems,
  };
}

/** Why a lot cannot go into a run, or undefined when it can: its months or weight are beyond the input bounds. */
function lotOutOfBounds(lot: InstanceInput["lots"][number]): Message | undefined {
  const { from, to } = lot.window;
  const ids = { lot: lot.id, project: lot.projectId ?? "" };
  if (!(from >= earliestMonth && to <= latestMonth)) {
    return message("registry.lotWindowOutOfBounds", { ...ids, from, to, earliest: earliestMonth, latest: latestMonth });
  }
  if (!(lot.quantity.value <= maxLotTonnes)) return message("registry.lotTooLarge", { ...ids, tonnes: lot.quantity.value, limit: maxLotTonnes });
  return undefined;
}
