/**
 * Storage area planning for outdoor materials (issue #8, part 3), pure: for each month and each
 * storage site, the area the lots stored there need against the area the site reserves for
 * materials; where and when it runs short and by how much; short- and long-term stock; and the
 * staff effort of receiving and issuing per month.
 *
 * Worked example (the issue's): 600 m of granite kerb at 0.1 m² per metre in one layer, stacked
 * three high, needs 600 × 0.1 ÷ 3 = 20 m² in every month it is stored. Receiving it takes
 * 600 × 0.5 = 300 person-minutes = 5 person-hours in its first month, 5 ÷ 140 ≈ 0.036 FTE.
 */
import { z } from "zod";
import { monthsBetween } from "../domain/months";
import type { LonLat } from "../geo/geometry";
import { storageAreaM2, weightTonnes, type OutdoorMaterialType } from "./catalogue";
import {
  assignStorage,
  defaultStorageMonths as defaultStorageMonthsValue,
  shortTermMaxMonths as shortTermMaxMonthsValue,
  storagePeriod,
  type MaterialStorageSite,
} from "./lots";
import { storageChoiceSchema } from "./model";

/**
 * Working hours of one full-time person in a month, h. Norwegian full time is 37.5 h a week
 * (the usual tariff week; arbeidsmiljøloven § 10-4 allows 40); less five weeks of holiday
 * (ferieloven's four plus the tariff's fifth) and about ten public holidays:
 * (52 − 5) × 37.5 − 10 × 7.5 = 1687.5 h a year ≈ 140.6 h a month, rounded to 140.
 */
export const hoursPerFteMonth = 140;

/** An available lot as the plan needs it. */
export interface PlanLot {
  id: string;
  projectId: string;
  typeId: string;
  /** In the type's unit. */
  quantity: number;
  availableFrom: string;
  wantedBy?: { projectId?: string | undefined; month: string } | undefined;
  storageSiteId?: string | undefined;
  /** The project's representative point (WGS84), for the nearest-site default. */
  location: LonLat | undefined;
}

/** One site in one month. */
const siteMonthSchema = z.object({
  month: z.string(),
  /** Σ quantity × footprint per unit as stored, over the lots stored here this month, m². */
  areaNeededM2: z.number(),
  /** The site's material area this month (0 outside its open window), m². */
  areaAvailableM2: z.number(),
  /**
   * Area that does not fit, m²: need above the area; at a site without cover, all area of types
   * that need cover (they should not be there) counts as short as well.
   */
  shortfallM2: z.number(),
  /** Lots stored here this month. */
  lotsCount: z.number(),
  /** Of areaNeededM2, the area of types that need cover, m². */
  coverNeededM2: z.number(),
  /** Of areaNeededM2, lots stored at most `shortTermMaxMonths` in all, and longer, m². */
  shortTermAreaM2: z.number(),
  longTermAreaM2: z.number(),
  /** Receiving and issuing at this site this month, person-hours. */
  personHours: z.number(),
});
export type SiteMonth = z.infer<typeof siteMonthSchema>;

const planSiteResultSchema = z.object({
  siteId: z.string(),
  name: z.string(),
  materialAreaM2: z.number(),
  materialAreaCovered: z.boolean(),
  months: z.array(siteMonthSchema),
  peakAreaNeededM2: z.number(),
  peakShortfallM2: z.number(),
});
export type PlanSiteResult = z.infer<typeof planSiteResultSchema>;

const staffMonthSchema = z.object({
  month: z.string(),
  receivePersonMinutes: z.number(),
  issuePersonMinutes: z.number(),
  /** (receive + issue) ÷ 60, h. */
  personHours: z.number(),
  /** personHours ÷ hoursPerFte: full-time people needed this month. */
  fte: z.number(),
});
export type StaffMonth = z.infer<typeof staffMonthSchema>;

const stockTotalsSchema = z.object({
  lots: z.number(),
  tonnes: z.number(),
  /** Σ storage area of the lots, m² (each counted once, whatever its months). */
  areaM2: z.number(),
});
export type StockTotals = z.infer<typeof stockTotalsSchema>;

/** Where one lot is stored and for how long. */
const planLotResultSchema = z.object({
  lotId: z.string(),
  siteId: z.string().nullable(),
  chosen: storageChoiceSchema.shape.chosen,
  from: z.string(),
  to: z.string(),
  storageMonths: z.number(),
  endKnown: z.boolean(),
  term: z.enum(["short", "long"]),
  areaM2: z.number(),
});
export type PlanLotResult = z.infer<typeof planLotResultSchema>;

/** The answer of GET /api/outdoor-materials/plan. */
export const storagePlanSchema = z.object({
  months: z.array(z.string()),
  assumptions: z.object({ defaultStorageMonths: z.number(), shortTermMaxMonths: z.number(), hoursPerFte: z.number() }),
  /** Sites with material area or with lots stored there, by name. */
  sites: z.array(planSiteResultSchema),
  /** Lots no site suits (no material area, or none covered for a type that needs it), per month. */
  unassigned: z.object({ lotIds: z.array(z.string()), months: z.array(z.object({ month: z.string(), areaNeededM2: z.number(), lotsCount: z.number() })) }),
  /** Every site-month with a shortfall above 0 (siteId null = unassigned lots), by month then site. */
  shortfalls: z.array(z.object({ siteId: z.string().nullable(), siteName: z.string().nullable(), month: z.string(), shortfallM2: z.number() })),
  staff: z.array(staffMonthSchema),
  /** Lots stored in the planned months, by how long they stay; openEnded = no receiver month known. */
  stock: z.object({ shortTerm: stockTotalsSchema, longTerm: stockTotalsSchema, openEnded: z.number() }),
  lots: z.array(planLotResultSchema),
  warnings: z.array(z.string()),
});
export type StoragePlan = z.infer<typeof storagePlanSchema>;

const emptyTotals = (): StockTotals => ({ lots: 0, tonnes: 0, areaM2: 0 });

/**
 * Plans storage area month by month over `from`…`to` (both included).
 *
 * Each available lot is stored at its chosen site, else at the nearest suitable site (see
 * `assignStorage`), from `availableFrom` to `wantedBy.month`, or for `defaultStorageMonths`
 * months when that is unknown (see `storagePeriod`). Receiving effort falls in the first month
 * of storage, issuing effort in the last (also for a default end: the plan assumes it leaves then).
 * Lots no site suits are counted as `unassigned` and in the staff effort.
 *
 * @param defaultStorageMonths months a lot without a receiver month stays, default 12.
 * @param hoursPerFte hours one full-time person works in a month, default 140 (`hoursPerFteMonth`).
 */
export function planStorageArea(
  lots: readonly PlanLot[],
  sites: readonly MaterialStorageSite[],
  types: ReadonlyMap<string, OutdoorMaterialType>,
  {
    from,
    to,
    defaultStorageMonths = defaultStorageMonthsValue,
    shortTermMaxMonths = shortTermMaxMonthsValue,
    hoursPerFte = hoursPerFteMonth,
  }: { from: string; to: string; defaultStorageMonths?: number; shortTermMaxMonths?: number; hoursPerFte?: number },
): StoragePlan {
  const months = monthsBetween(from, to);
  const monthIndex = new Map(months.map((month, i) => [month, i]));
  const warnings: string[] = [];
  const choices = assignStorage(
    lots.map((lot) => ({ ...lot, direction: "available" as const })),
    sites,
    types,
  );

  const siteById = new Map(sites.map((site) => [site.id, site]));
  const usedSiteIds = new Set<string>();
  const zeros = () => months.map(() => 0);
  const perSite = new Map<string, { area: number[]; cover: number[]; short: number[]; long: number[]; count: number[]; minutes: number[] }>();
  const tally = (siteId: string) => {
    let entry = perSite.get(siteId);
    if (!entry) {
      entry = { area: zeros(), cover: zeros(), short: zeros(), long: zeros(), count: zeros(), minutes: zeros() };
      perSite.set(siteId, entry);
    }
    return entry;
  };
  const unassignedArea = zeros();
  const unassignedCount = zeros();
  const unassignedIds: string[] = [];
  const receiveMinutes = zeros();
  const issueMinutes = zeros();
  const stock = { shortTerm: emptyTotals(), longTerm: emptyTotals(), openEnded: 0 };
  const lotResults: PlanLotResult[] = [];

  for (const lot of lots) {
    const type = types.get(lot.typeId);
    if (!type) {
      warnings.push(`lot ${lot.id}: type "${lot.typeId}" is not in the catalogue; left out of the plan`);
      continue;
    }
    const period = storagePeriod(lot, { defaultMonths: defaultStorageMonths });
    const choice = choices.get(lot.id) ?? { siteId: null, chosen: "none" as const };
    const areaM2 = storageAreaM2(type, lot.quantity);
    const term = period.months <= shortTermMaxMonths ? "short" : "long";
    lotResults.push({
      lotId: lot.id,
      siteId: choice.siteId,
      chosen: choice.chosen,
      from: period.from,
      to: period.to,
      storageMonths: period.months,
      endKnown: period.endKnown,
      term,
      areaM2,
    });

    const stored = monthsBetween(period.from, period.to).filter((month) => monthIndex.has(month));
    if (stored.length === 0) continue;
    const totals = term === "short" ? stock.shortTerm : stock.longTerm;
    totals.lots += 1;
    totals.tonnes += weightTonnes(type, lot.quantity);
    totals.areaM2 += areaM2;
    if (!period.endKnown) stock.openEnded += 1;

    const site = choice.siteId ? tally(choice.siteId) : undefined;
    if (choice.siteId) usedSiteIds.add(choice.siteId);
    else unassignedIds.push(lot.id);
    for (const month of stored) {
      const i = monthIndex.get(month)!;
      if (site) {
        site.area[i]! += areaM2;
        if (type.needsCover) site.cover[i]! += areaM2;
        (term === "short" ? site.short : site.long)[i]! += areaM2;
        site.count[i]! += 1;
      } else {
        unassignedArea[i]! += areaM2;
        unassignedCount[i]! += 1;
      }
    }
    const receive = monthIndex.get(period.from);
    const issue = monthIndex.get(period.to);
    const receiveMin = lot.quantity * type.handling.receivePersonMinutesPerUnit;
    const issueMin = lot.quantity * type.handling.issuePersonMinutesPerUnit;
    if (receive !== undefined) {
      receiveMinutes[receive]! += receiveMin;
      if (site) site.minutes[receive]! += receiveMin;
    }
    if (issue !== undefined) {
      issueMinutes[issue]! += issueMin;
      if (site) site.minutes[issue]! += issueMin;
    }
  }

  const planSites = sites.filter((site) => site.materialAreaM2 > 0 || usedSiteIds.has(site.id));
  const siteResults: PlanSiteResult[] = planSites
    .map((site) => {
      const t = perSite.get(site.id) ?? tally(site.id);
      const siteMonths = months.map((month, i): SiteMonth => {
        const open = !site.window || (site.window.from <= month && month <= site.window.to);
        const areaAvailableM2 = open && !site.closed ? site.materialAreaM2 : 0;
        const areaNeededM2 = t.area[i]!;
        const coverNeededM2 = t.cover[i]!;
        // Without a roof, cover-needing items do not belong here at all; the rest competes for the open area.
        const misplacedM2 = site.materialAreaCovered ? 0 : coverNeededM2;
        const shortfallM2 = Math.max(0, areaNeededM2 - misplacedM2 - areaAvailableM2) + misplacedM2;
        return {
          month,
          areaNeededM2,
          areaAvailableM2,
          shortfallM2,
          lotsCount: t.count[i]!,
          coverNeededM2,
          shortTermAreaM2: t.short[i]!,
          longTermAreaM2: t.long[i]!,
          personHours: t.minutes[i]! / 60,
        };
      });
      return {
        siteId: site.id,
        name: site.name,
        materialAreaM2: site.materialAreaM2,
        materialAreaCovered: site.materialAreaCovered,
        months: siteMonths,
        peakAreaNeededM2: Math.max(0, ...siteMonths.map((m) => m.areaNeededM2)),
        peakShortfallM2: Math.max(0, ...siteMonths.map((m) => m.shortfallM2)),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "nb") || a.siteId.localeCompare(b.siteId));
  for (const siteId of usedSiteIds) {
    if (!siteById.has(siteId)) warnings.push(`site ${siteId} holds lots but is not a storage site`);
  }

  const unassignedMonths = months.map((month, i) => ({ month, areaNeededM2: unassignedArea[i]!, lotsCount: unassignedCount[i]! }));
  const shortfalls: StoragePlan["shortfalls"] = [];
  months.forEach((month, i) => {
    for (const site of siteResults) {
      const m = site.months[i]!;
      if (m.shortfallM2 > 0) shortfalls.push({ siteId: site.siteId, siteName: site.name, month, shortfallM2: m.shortfallM2 });
    }
    if (unassignedArea[i]! > 0) shortfalls.push({ siteId: null, siteName: null, month, shortfallM2: unassignedArea[i]! });
  });

  return {
    months,
    assumptions: { defaultStorageMonths, shortTermMaxMonths, hoursPerFte },
    sites: siteResults,
    unassigned: { lotIds: unassignedIds, months: unassignedMonths },
    shortfalls,
    staff: months.map((month, i) => {
      const personHours = (receiveMinutes[i]! + issueMinutes[i]!) / 60;
      return { month, receivePersonMinutes: receiveMinutes[i]!, issuePersonMinutes: issueMinutes[i]!, personHours, fte: personHours / hoursPerFte };
    }),
    stock,
    lots: lotResults,
    warnings,
  };
}
