/**
 * Deviations of delivered loads from the rules and the plan (DESIGN §10, issue 16): a load to a
 * place that does not accept its material, class or special masses (the matching's and §8's rules),
 * over a site's capacity, not in the plan, or after the window. Pure.
 */
import { z } from "zod";
import { materials, type Material } from "../domain/materials";
import type { Lot, Site } from "../domain/records";
import { englishText, message, type Message } from "../messages/message";
import { flagRefusal, flagRefusalMessage, type FlagDestination } from "../special-masses/flags";
import { receiverDefaultAccepts } from "../special-masses/gate-fees";
import { endpointKey, monthOfLoad, type Load } from "./load";

export const deviationKinds = ["class_not_accepted", "flag_not_accepted", "material_not_accepted", "over_capacity", "not_in_plan", "after_window"] as const;
export type DeviationKind = (typeof deviationKinds)[number];

/** One deviation: the load, its kind, and why (a message the app translates; `message` is its English). */
export const deviationSchema = z.object({
  loadId: z.string(),
  kind: z.enum(deviationKinds),
  message: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.unknown()),
});
export type Deviation = z.infer<typeof deviationSchema>;

/** What a place takes, in the matching's terms (problem.ts): materials, worst class, flags, hazardous. */
interface Acceptance {
  materials: readonly Material[];
  worstClass: number;
  acceptsHazardous: boolean;
  flagDestination: FlagDestination;
}

/**
 * What a site or demand lot accepts, read as the matching reads it: a landfill that states nothing
 * takes every material but class 1 only and no flags (`receiverDefaultAccepts`, DESIGN §8); a
 * storage site without `accepts` takes nothing; a demand lot takes its own material and
 * `acceptsMaterials`, up to its class, and the flags it lists. A quarry takes nothing.
 */
export function acceptanceOf(place: { site: Site } | { lot: Lot }): Acceptance {
  if ("lot" in place) {
    const lot = place.lot;
    return {
      materials: [lot.material],
      worstClass: lot.contaminationClass,
      acceptsHazardous: false,
      flagDestination: { kind: "demand", acceptsFlags: lot.acceptsFlags ?? [] },
    };
  }
  const site = place.site;
  if (site.kind === "landfill") {
    return {
      materials: site.accepts?.materials ?? materials,
      worstClass: site.accepts?.worstClass ?? receiverDefaultAccepts.worstClass,
      acceptsHazardous: site.acceptsHazardous ?? false,
      flagDestination: { kind: "landfill", acceptsFlags: site.accepts?.flags ?? receiverDefaultAccepts.flags },
    };
  }
  if (site.kind === "storage") {
    return {
      materials: site.accepts?.materials ?? [],
      worstClass: site.accepts?.worstClass ?? 0,
      acceptsHazardous: false,
      flagDestination: { kind: "storage", acceptsFlags: site.accepts?.flags ?? [] },
    };
  }
  return { materials: [], worstClass: 0, acceptsHazardous: false, flagDestination: { kind: "landfill", acceptsFlags: [] } };
}

/** The acceptance problems of a lot's mass arriving at a place, one per kind at most. */
export function acceptanceDeviations(lot: Lot, acceptance: Acceptance, placeName: string): { kind: DeviationKind; problem: Message }[] {
  const found: { kind: DeviationKind; problem: Message }[] = [];
  if (!acceptance.materials.includes(lot.material)) {
    found.push({ kind: "material_not_accepted", problem: message("deviation.materialNotAccepted", { place: placeName, material: lot.material }) });
  }
  if (lot.hazardous ? !acceptance.acceptsHazardous : lot.contaminationClass > acceptance.worstClass) {
    found.push({
      kind: "class_not_accepted",
      problem: lot.hazardous
        ? message("deviation.hazardousNotAccepted", { place: placeName })
        : message("deviation.classNotAccepted", { place: placeName, contaminationClass: lot.contaminationClass, worstClass: acceptance.worstClass }),
    });
  }
  const refusal = flagRefusal(lot.flags ?? [], acceptance.flagDestination);
  if (refusal) found.push({ kind: "flag_not_accepted", problem: message("deviation.flagNotAccepted", { place: placeName, rule: flagRefusalMessage(refusal) }) });
  return found;
}

/** A planned flow between two places (the matching result's `flows`, any month). */
export interface PlannedFlow {
  from: string;
  to: string;
  month: string;
  tonnes: number;
}

export interface DeviationInput {
  loads: readonly Load[];
  lots: ReadonlyMap<string, Lot>;
  sites: ReadonlyMap<string, Site>;
  /** The plan's flows (latest run of the chosen scenario); undefined when there is no plan: then no `not_in_plan`. */
  plan?: readonly PlannedFlow[] | undefined;
}

const idOf = (e: Load["from"]): string => ("lotId" in e ? e.lotId : e.siteId);

/**
 * Every deviation of `loads`, in load time order. Capacity: a storage site's stock (in − out, loads
 * in time order) above its capacity, or a receiver's received total above its capacity, flags the
 * load that passed it and every later load in while it stays over. The plan counts a load as
 * planned when the plan has a flow between the same two places (any month). A load's mass is its
 * lot's (from a lot; to a demand lot from a storage site the lot's needs are checked only by
 * capacity and plan, since storage mixes lots).
 */
export function findDeviations({ loads, lots, sites, plan }: DeviationInput): Deviation[] {
  const out: Deviation[] = [];
  const add = (loadId: string, kind: DeviationKind, problem: Message) =>
    out.push({ loadId, kind, key: problem.key, params: problem.params as Record<string, unknown>, message: englishText(problem) });
  const planned = plan ? new Set(plan.map((f) => `${f.from}→${f.to}`)) : undefined;
  const stock = new Map<string, number>();
  const ordered = [...loads].filter((l) => l.deletedAt === null).sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.id.localeCompare(b.id));
  for (const load of ordered) {
    const fromLot = "lotId" in load.from ? lots.get(load.from.lotId) : undefined;
    const toLot = "lotId" in load.to ? lots.get(load.to.lotId) : undefined;
    const toSite = "siteId" in load.to ? sites.get(load.to.siteId) : undefined;
    const fromSite = "siteId" in load.from ? sites.get(load.from.siteId) : undefined;
    // Acceptance: the source lot's mass against the place it reached.
    if (fromLot && (toSite || (toLot && toLot.direction === "demand"))) {
      const acceptance = toSite ? acceptanceOf({ site: toSite }) : acceptanceOf({ lot: toLot! });
      for (const found of acceptanceDeviations(fromLot, acceptance, toSite ? toSite.name : toLot!.id)) add(load.id, found.kind, found.problem);
    }
    // Capacity: stock at storage sites, received totals at receivers.
    if (fromSite?.kind === "storage") stock.set(fromSite.id, (stock.get(fromSite.id) ?? 0) - load.tonnes);
    if (toSite && toSite.kind !== "quarry") {
      const now = (stock.get(toSite.id) ?? 0) + load.tonnes;
      stock.set(toSite.id, now);
      if (toSite.capacityTonnes !== undefined && now > toSite.capacityTonnes + 1e-6) {
        add(load.id, "over_capacity", message("deviation.overCapacity", { place: toSite.name, tonnes: Math.round(now), capacityTonnes: toSite.capacityTonnes }));
      }
    }
    // The plan.
    if (planned && !planned.has(`${idOf(load.from)}→${idOf(load.to)}`)) {
      add(load.id, "not_in_plan", message("deviation.notInPlan", { from: endpointName(load.from, lots, sites), to: endpointName(load.to, lots, sites) }));
    }
    // After the window: the lot's at either end, or the receiving site's.
    const month = monthOfLoad(load.time);
    const windows: { name: string; to: string }[] = [];
    if (fromLot) windows.push({ name: fromLot.id, to: fromLot.window.to });
    if (toLot) windows.push({ name: toLot.id, to: toLot.window.to });
    if (toSite?.window) windows.push({ name: toSite.name, to: toSite.window.to });
    const late = windows.find((w) => month > w.to);
    if (late) add(load.id, "after_window", message("deviation.afterWindow", { place: late.name, month, to: late.to }));
  }
  return out;
}

function endpointName(e: Load["from"], lots: ReadonlyMap<string, Lot>, sites: ReadonlyMap<string, Site>): string {
  if ("siteId" in e) return sites.get(e.siteId)?.name ?? e.siteId;
  return lots.get(e.lotId)?.id ?? endpointKey(e);
}
