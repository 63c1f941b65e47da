/**
 * Chain of custody and actual stock from delivered loads (DESIGN §10, issue 16). Pure.
 */
import { z } from "zod";
import { monthsBetween } from "../domain/months";
import { loadEndpointSchema, monthOfLoad, endpointKey, type Load, type LoadEndpoint } from "./load";

/** GET /api/lots/:id/custody: where a lot's tonnes went (and, for a demand lot, where they came from). */
export const custodySchema = z.object({
  lotId: z.string(),
  /** The lot's registered quantity, t (the plan of the registry). */
  plannedTonnes: z.number(),
  /** Tonnes delivered: out of a surplus lot, into a demand lot. */
  deliveredTonnes: z.number(),
  destinations: z.array(z.object({ to: loadEndpointSchema, tonnes: z.number(), loads: z.number().int() })),
  sources: z.array(z.object({ from: loadEndpointSchema, tonnes: z.number(), loads: z.number().int() })),
});
export type Custody = z.infer<typeof custodySchema>;

const live = (loads: readonly Load[]) => loads.filter((l) => l.deletedAt === null);

function group<K extends "from" | "to">(loads: readonly Load[], side: K): { endpoint: LoadEndpoint; tonnes: number; loads: number }[] {
  const byKey = new Map<string, { endpoint: LoadEndpoint; tonnes: number; loads: number }>();
  for (const load of loads) {
    const key = endpointKey(load[side]);
    const entry = byKey.get(key) ?? { endpoint: load[side], tonnes: 0, loads: 0 };
    entry.tonnes += load.tonnes;
    entry.loads += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.tonnes - a.tonnes);
}

/** A lot's custody: every live load out of it grouped by destination, every load into it by source. */
export function custodyOf(lot: { id: string; direction: "surplus" | "demand"; tonnes: number }, loads: readonly Load[]): Custody {
  const out = live(loads).filter((l) => "lotId" in l.from && l.from.lotId === lot.id);
  const into = live(loads).filter((l) => "lotId" in l.to && l.to.lotId === lot.id);
  const sum = (list: readonly Load[]) => list.reduce((total, l) => total + l.tonnes, 0);
  return {
    lotId: lot.id,
    plannedTonnes: lot.tonnes,
    deliveredTonnes: lot.direction === "surplus" ? sum(out) : sum(into),
    destinations: group(out, "to").map((g) => ({ to: g.endpoint, tonnes: g.tonnes, loads: g.loads })),
    sources: group(into, "from").map((g) => ({ from: g.endpoint, tonnes: g.tonnes, loads: g.loads })),
  };
}

/** GET /api/sites/:id/stock: actual stock per month at a site from the loads in and out. */
export const siteStockSchema = z.object({
  siteId: z.string(),
  capacityTonnes: z.number().nullable(),
  months: z.array(z.object({ month: z.string(), inTonnes: z.number(), outTonnes: z.number(), stockTonnes: z.number() })),
});
export type SiteStock = z.infer<typeof siteStockSchema>;

/**
 * A site's stock at the end of each month from its first load to its last (months without loads
 * included): tonnes in, tonnes out, and the stock carried forward.
 */
export function siteStock(site: { id: string; capacityTonnes?: number | undefined }, loads: readonly Load[]): SiteStock {
  const inByMonth = new Map<string, number>();
  const outByMonth = new Map<string, number>();
  for (const load of live(loads)) {
    const month = monthOfLoad(load.time);
    if ("siteId" in load.to && load.to.siteId === site.id) inByMonth.set(month, (inByMonth.get(month) ?? 0) + load.tonnes);
    if ("siteId" in load.from && load.from.siteId === site.id) outByMonth.set(month, (outByMonth.get(month) ?? 0) + load.tonnes);
  }
  const touched = [...inByMonth.keys(), ...outByMonth.keys()].sort();
  const months = touched.length ? monthsBetween(touched[0]!, touched[touched.length - 1]!) : [];
  let stock = 0;
  return {
    siteId: site.id,
    capacityTonnes: site.capacityTonnes ?? null,
    months: months.map((month) => {
      const inTonnes = inByMonth.get(month) ?? 0;
      const outTonnes = outByMonth.get(month) ?? 0;
      stock += inTonnes - outTonnes;
      return { month, inTonnes, outTonnes, stockTonnes: stock };
    }),
  };
}

/** One row of plan against actual: a place (lot or site) and month, planned and delivered tonnes. */
export interface PlanActualRow {
  place: string;
  month: string;
  plannedTonnes: number;
  deliveredTonnes: number;
}

/**
 * Planned against delivered per place and month: for a lot, the tonnes planned to leave (surplus)
 * or arrive (demand) against the loads out of or into it; for a site, the tonnes planned in against
 * the loads in. `plan` is the flows of the chosen scenario's latest run; `lotIds` tells lots from sites.
 */
export function planAgainstActual(
  plan: readonly { from: string; to: string; month: string; tonnes: number }[],
  loads: readonly Load[],
  lotIds: ReadonlySet<string>,
): PlanActualRow[] {
  const rows = new Map<string, PlanActualRow>();
  const row = (place: string, month: string) => {
    const key = `${place}|${month}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { place, month, plannedTonnes: 0, deliveredTonnes: 0 }));
    return r;
  };
  for (const flow of plan) {
    if (lotIds.has(flow.from)) row(flow.from, flow.month).plannedTonnes += flow.tonnes;
    row(flow.to, flow.month).plannedTonnes += flow.tonnes;
  }
  for (const load of live(loads)) {
    const month = monthOfLoad(load.time);
    if ("lotId" in load.from) row(load.from.lotId, month).deliveredTonnes += load.tonnes;
    row("lotId" in load.to ? load.to.lotId : load.to.siteId, month).deliveredTonnes += load.tonnes;
  }
  return [...rows.values()].sort((a, b) => a.place.localeCompare(b.place) || a.month.localeCompare(b.month));
}
