/**
 * Pure views of a matching result for the results panel, the charts and the map: names and
 * places of the ids a result mentions, its months, storage inventory per month, the plan's mass
 * balance, and flows sorted for the table.
 */
import { materials, type Material } from "../../../core/domain/materials";
import { monthsBetween } from "../../../core/domain/months";
import type { InstanceInput } from "../../../core/matching/instance";
import type { Flow, InventoryPoint, MatchResult } from "../../../core/matching/result";
import type { BalanceRow } from "../balance/mass-balance";

export type LonLat = [lon: number, lat: number];

/** What the UI knows about a lot or site id of a result: a readable name and a point on the map. */
export interface Place {
  name: string;
  location: LonLat | null;
  kind: "surplus" | "demand" | "storage" | "landfill" | "quarry";
}

export type Places = Readonly<Record<string, Place>>;

/**
 * The places of an instance's lots and sites. A lot is named after its project (its id when the
 * project is unknown); several lots of one project get their material added.
 */
export function placesOf(
  instance: Pick<InstanceInput, "lots"> & { sites?: InstanceInput["sites"] },
  projectNames: Readonly<Record<string, string>> = {},
  materialName: (material: Material) => string = (m) => m,
): Record<string, Place> {
  const places: Record<string, Place> = {};
  const perProject = new Map<string, number>();
  for (const lot of instance.lots) if (lot.projectId) perProject.set(lot.projectId, (perProject.get(lot.projectId) ?? 0) + 1);
  for (const lot of instance.lots) {
    const project = lot.projectId ? projectNames[lot.projectId] : undefined;
    const base = project ?? lot.id;
    const name = project && (perProject.get(lot.projectId!) ?? 0) > 1 ? `${base} · ${materialName(lot.material)}` : base;
    places[lot.id] = { name, location: lot.location ? [lot.location[0], lot.location[1]] : null, kind: lot.direction };
  }
  for (const site of instance.sites ?? []) {
    places[site.id] = { name: site.name ?? site.id, location: site.location ? [site.location[0], site.location[1]] : null, kind: site.kind };
  }
  return places;
}

/** Every month from the first to the last flow or inventory point, none skipped. */
export function resultMonths(result: MatchResult): string[] {
  if (result.status === "error") return [];
  const months = [...result.flows.map((f) => f.month), ...result.inventory.map((p) => p.month)].sort();
  const first = months[0];
  const last = months.at(-1);
  return first && last ? monthsBetween(first, last) : [];
}

/** One chart row: a month and each storage site's end-of-month stock, keyed by site id. */
export type InventoryRow = { month: string } & Record<string, number | string>;

/** Storage sites that ever hold stock, in the order of their first stock. */
export function storageSitesInUse(inventory: readonly InventoryPoint[]): string[] {
  const ids: string[] = [];
  for (const point of inventory) if (point.tonnes > 1e-6 && !ids.includes(point.siteId)) ids.push(point.siteId);
  return ids;
}

/** The inventory as one row per month with a column per site in use (0 where a site holds nothing). */
export function inventoryRows(inventory: readonly InventoryPoint[], months: readonly string[]): InventoryRow[] {
  const sites = storageSitesInUse(inventory);
  const rows = new Map<string, InventoryRow>(months.map((month) => [month, { month, ...Object.fromEntries(sites.map((id) => [id, 0])) }]));
  for (const point of inventory) {
    const row = rows.get(point.month);
    if (row && sites.includes(point.siteId)) row[point.siteId] = Number(row[point.siteId] ?? 0) + point.tonnes;
  }
  return [...rows.values()];
}

const outOfSurplus = new Set<Flow["kind"]>(["direct", "to_storage", "to_landfill"]);
const intoDemand = new Set<Flow["kind"]>(["direct", "from_storage", "virgin"]);

/**
 * The plan's mass balance per month, for one material or all: tonnes leaving surplus lots (to
 * demand, storage or landfill) and tonnes reaching demand lots (from surplus, storage or a quarry),
 * in the shape of the registry's balance chart so it can draw them. Stored mass leaving for a
 * landfill counts in neither.
 */
export function planBalanceRows(flows: readonly Flow[], months: readonly string[], material: Material | "all"): BalanceRow[] {
  const rows = new Map(months.map((month) => [month, { month, surplusTonnes: 0, demandTonnes: 0, netTonnes: 0 }]));
  for (const flow of flows) {
    if (material !== "all" && flow.material !== material) continue;
    const row = rows.get(flow.month);
    if (!row) continue;
    if (outOfSurplus.has(flow.kind)) row.surplusTonnes += flow.tonnes;
    if (intoDemand.has(flow.kind)) row.demandTonnes += flow.tonnes;
    row.netTonnes = row.surplusTonnes - row.demandTonnes;
  }
  return [...rows.values()];
}

/** Materials that move in the plan, in the catalogue's order. */
export function materialsInFlows(flows: readonly Flow[]): Material[] {
  const present = new Set(flows.map((f) => f.material));
  return materials.filter((m) => present.has(m));
}

export type FlowColumn = "from" | "to" | "material" | "month" | "tonnes" | "km";
export interface FlowSort {
  column: FlowColumn;
  direction: "ascending" | "descending";
}

/** A flow with its index in the result, so a sorted row still points at its flow on the map. */
export interface IndexedFlow extends Flow {
  index: number;
}

/**
 * The flows sorted by one column (names compared in the language's order), ties by month then
 * tonnes descending, so the order is stable.
 */
export function sortFlows(flows: readonly Flow[], sort: FlowSort, places: Places = {}, locale = "nb-NO"): IndexedFlow[] {
  const collator = new Intl.Collator(locale);
  const name = (id: string) => places[id]?.name ?? id;
  const sign = sort.direction === "ascending" ? 1 : -1;
  const compare = (a: IndexedFlow, b: IndexedFlow): number => {
    switch (sort.column) {
      case "from":
        return collator.compare(name(a.from), name(b.from));
      case "to":
        return collator.compare(name(a.to), name(b.to));
      case "material":
        return materials.indexOf(a.material) - materials.indexOf(b.material);
      case "month":
        return a.month.localeCompare(b.month);
      case "tonnes":
        return a.tonnes - b.tonnes;
      case "km":
        return a.km - b.km;
    }
  };
  return flows
    .map((flow, index) => ({ ...flow, index }))
    .sort((a, b) => sign * compare(a, b) || a.month.localeCompare(b.month) || b.tonnes - a.tonnes || a.index - b.index);
}

/** The next sort when a column header is pressed: the same column flips, a new one starts descending for numbers. */
export function nextSort(current: FlowSort, column: FlowColumn): FlowSort {
  if (current.column === column) return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { column, direction: column === "tonnes" || column === "km" ? "descending" : "ascending" };
}

/**
 * The distinct routes (from → to) of the flows whose ends have a place, heaviest first, at most
 * `limit` of them: the ones worth drawing along the roads.
 */
export function routePairs(
  flows: readonly Flow[],
  places: Places,
  limit = 80,
): { from: string; to: string; fromAt: LonLat; toAt: LonLat; tonnes: number }[] {
  const pairs = new Map<string, { from: string; to: string; fromAt: LonLat; toAt: LonLat; tonnes: number }>();
  for (const flow of flows) {
    const fromAt = places[flow.from]?.location;
    const toAt = places[flow.to]?.location;
    if (!fromAt || !toAt) continue;
    const key = `${flow.from}→${flow.to}`;
    const pair = pairs.get(key) ?? { from: flow.from, to: flow.to, fromAt, toAt, tonnes: 0 };
    pair.tonnes += flow.tonnes;
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => b.tonnes - a.tonnes).slice(0, limit);
}
