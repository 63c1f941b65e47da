/**
 * Pure rules about outdoor lots (issue #8): how long a lot occupies storage, which storage sites
 * suit a type, the default site (the nearest suitable one), and the checks a lot must pass before
 * it is saved. The server and the storage plan both use these, so they agree.
 */
import { maxLotTonnes } from "../domain/input-bounds";
import { monthsBetween, shiftMonth } from "../domain/months";
import type { Site } from "../domain/records";
import { representativePoint, type LonLat } from "../geo/geometry";
import { straightLineMatrix } from "../haul/straight-line";
import { fieldError, type ApiFieldError } from "../domain/api-error";
import { message, type Message } from "../messages/message";
import { storageAreaM2, weightTonnes, type OutdoorMaterialType } from "./catalogue";
import { largeOutdoorLotTonnes, type OutdoorLot, type OutdoorLotInput, type StorageChoice, type StoredOutdoorLot } from "./model";

/**
 * How long a lot without a known receiver month is assumed to stay in storage, months. A planning
 * assumption, not a published figure: one year covers a season of road works either side; the
 * plan endpoint lets a planner try another value (`defaultStorageMonths`).
 */
export const defaultStorageMonths = 12;

/** Stock stored at most this long is short-term, longer is long-term, months (issue #8: ≤ 12). */
export const shortTermMaxMonths = 12;

/** The months an available lot occupies storage, both ends included. */
export interface StoragePeriod {
  from: string;
  to: string;
  /** Number of months from `from` to `to`, both included. */
  months: number;
  /** True when `to` is the receiver's month (`wantedBy.month`), false when it is the default. */
  endKnown: boolean;
}

/** What the storage months of an available lot follow from (`wantedBy` where the receiver's month is known). */
type AvailableMonths = { availableFrom: string; wantedBy?: { month: string } | undefined };

/**
 * The months an available lot is in storage: from `availableFrom` to `wantedBy.month` (both
 * included: it arrives during the first month and leaves during the last, so it takes the area in
 * both), or for `defaultStorageMonths` months when the receiver's month is unknown. A lot taken out
 * and collected in the same month occupies that one month.
 */
export function storagePeriod(lot: AvailableMonths, options?: { defaultMonths?: number }): StoragePeriod;
export function storagePeriod(lot: Partial<AvailableMonths>, options?: { defaultMonths?: number }): StoragePeriod | undefined;
export function storagePeriod(
  lot: Partial<AvailableMonths>,
  { defaultMonths = defaultStorageMonths }: { defaultMonths?: number } = {},
): StoragePeriod | undefined {
  if (!lot.availableFrom) return undefined;
  const from = lot.availableFrom;
  const to = lot.wantedBy ? lot.wantedBy.month : shiftMonth(from, defaultMonths - 1);
  return { from, to, months: monthsBetween(from, to).length, endKnown: Boolean(lot.wantedBy) };
}

/** A storage site as the outdoor-material rules see it. */
export interface MaterialStorageSite {
  id: string;
  name: string;
  /** Representative point (WGS84). */
  location: LonLat;
  /** Area reserved for outdoor materials, m² (0 or absent = none). */
  materialAreaM2: number;
  /** Whether that area is under roof. */
  materialAreaCovered: boolean;
  /** Closed sites take nothing new. */
  closed: boolean;
  /** Months the site is open; outside them it has no area. Absent = always. */
  window?: { from: string; to: string } | undefined;
}

/** The storage sites among `sites`, as the outdoor-material rules see them (no material area = 0 m²). */
export function materialStorageSitesOf(sites: readonly Site[]): MaterialStorageSite[] {
  return sites
    .filter((site) => site.kind === "storage" && !site.deletedAt)
    .map((site) => ({
      id: site.id,
      name: site.name,
      location: representativePoint(site.geometry),
      materialAreaM2: site.materialAreaM2 ?? 0,
      materialAreaCovered: site.materialAreaCovered ?? false,
      closed: site.status === "closed",
      window: site.window,
    }));
}

/** Why a site cannot take a type, or undefined when it can. */
export function siteUnsuitability(site: MaterialStorageSite, type: Pick<OutdoorMaterialType, "needsCover" | "names">): Message | undefined {
  if (site.closed) return message("outdoor.siteClosed", { site: site.name });
  if (!(site.materialAreaM2 > 0)) return message("outdoor.siteWithoutArea", { site: site.name });
  if (type.needsCover && !site.materialAreaCovered) return message("outdoor.siteWithoutCover", { site: site.name, type: type.names });
  return undefined;
}

/** Total material area of the sites that can take a type, m² (covered area only when it needs cover). */
export const suitableAreaM2 = (sites: readonly MaterialStorageSite[], type: Pick<OutdoorMaterialType, "needsCover" | "names">): number =>
  sites.filter((site) => !siteUnsuitability(site, type)).reduce((sum, site) => sum + site.materialAreaM2, 0);

/**
 * Storage sites for lots: the chosen site when it exists among `sites`, else the suitable site
 * nearest to the lot's project (straight line; ties by site id). Nearest ignores how full a site
 * is: the plan shows where this default overflows, which is what a planner needs to see.
 */
export function assignStorage(
  lots: readonly { id: string; direction: OutdoorLotInput["direction"]; typeId: string; storageSiteId?: string | undefined; location: LonLat | undefined }[],
  sites: readonly MaterialStorageSite[],
  types: ReadonlyMap<string, Pick<OutdoorMaterialType, "needsCover" | "names">>,
): Map<string, StorageChoice> {
  const siteIds = new Set(sites.map((site) => site.id));
  const choices = new Map<string, StorageChoice>();
  const needNearest = lots.filter((lot) => {
    if (lot.direction !== "available") {
      choices.set(lot.id, { siteId: null, chosen: "none" });
      return false;
    }
    if (lot.storageSiteId && siteIds.has(lot.storageSiteId)) {
      choices.set(lot.id, { siteId: lot.storageSiteId, chosen: "explicit" });
      return false;
    }
    return true;
  });
  const located = needNearest.filter((lot) => lot.location);
  const matrix = straightLineMatrix(
    located.map((lot) => ({ id: lot.id, location: lot.location! })),
    sites.map((site) => ({ id: site.id, location: site.location })),
  );
  const rowOf = new Map(located.map((lot, i) => [lot.id, i]));
  for (const lot of needNearest) {
    const type = types.get(lot.typeId);
    const row = rowOf.get(lot.id);
    let best: { siteId: string; km: number } | undefined;
    if (type && row !== undefined) {
      sites.forEach((site, j) => {
        const km = matrix.km[row]![j];
        if (km === null || km === undefined || siteUnsuitability(site, type)) return;
        if (!best || km < best.km || (km === best.km && site.id < best.siteId)) best = { siteId: site.id, km };
      });
    }
    choices.set(lot.id, best ? { siteId: best.siteId, chosen: "nearest" } : { siteId: null, chosen: "none" });
  }
  return choices;
}

/** A stored lot with the numbers that follow from its type, and where it is stored. */
export function describeOutdoorLot(lot: StoredOutdoorLot, type: OutdoorMaterialType | undefined, storage: StorageChoice): OutdoorLot {
  return {
    ...lot,
    // A lot whose type is unknown (never deleted, but be safe) still lists, with zeros.
    unit: type?.unit ?? "pieces",
    tonnes: type ? weightTonnes(type, lot.quantity) : 0,
    storageAreaM2: type ? storageAreaM2(type, lot.quantity) : 0,
    storage,
  };
}

/** One reason a lot cannot be saved as it is: the error code, and the field problem (path, English, key). */
export interface OutdoorLotProblem extends ApiFieldError {
  code: "invalid_input" | "confirm_large_quantity" | "exceeds_storage_area" | "quantity_too_large";
}

const problemOf = (code: OutdoorLotProblem["code"], path: string, m: Message): OutdoorLotProblem => ({ code, ...fieldError(path, m) });

/**
 * Checks that need the catalogue and the sites: a known type, whole pieces, a storage site that
 * suits the type, for an available lot no more area than all suitable sites together reserve for
 * materials, and — when all else is right — a weight above `largeOutdoorLotTonnes` confirmed.
 * The area check only applies once some site reserves material area: before planners set any,
 * every lot would fail it, and the plan shows the unassigned area instead.
 */
export function outdoorLotProblems(
  lot: OutdoorLotInput,
  { type, sites }: { type: OutdoorMaterialType | undefined; sites: readonly MaterialStorageSite[] },
): OutdoorLotProblem[] {
  if (!type) return [problemOf("invalid_input", "typeId", message("outdoor.unknownType", { id: lot.typeId }))];
  const problems: OutdoorLotProblem[] = [];
  if (type.unit === "pieces" && !Number.isInteger(lot.quantity)) {
    problems.push(problemOf("invalid_input", "quantity", message("outdoor.wholePieces", { type: type.names })));
  }
  if (lot.direction === "available" && lot.storageSiteId) {
    const site = sites.find((s) => s.id === lot.storageSiteId);
    const why = site ? siteUnsuitability(site, type) : message("outdoor.noStorageSite", { id: lot.storageSiteId });
    if (why) problems.push(problemOf("invalid_input", "storageSiteId", why));
  }
  const allAreaM2 = sites.reduce((sum, site) => sum + (site.closed ? 0 : site.materialAreaM2), 0);
  const suitableM2 = suitableAreaM2(sites, type);
  const needM2 = storageAreaM2(type, lot.quantity);
  if (lot.direction === "available" && allAreaM2 > 0 && needM2 > suitableM2) {
    const params = { quantity: lot.quantity, unit: type.unit, type: type.names, needM2, stacking: type.storage.stacking, suitableM2 };
    problems.push(problemOf("exceeds_storage_area", "quantity", message(type.needsCover ? "outdoor.exceedsCoveredArea" : "outdoor.exceedsArea", params)));
  }
  // Asking to confirm a quantity only makes sense once nothing else is wrong with the lot.
  const tonnes = weightTonnes(type, lot.quantity);
  if (!(tonnes <= maxLotTonnes)) {
    const params = { quantity: lot.quantity, unit: type.unit, type: type.names, tonnes, limit: maxLotTonnes };
    problems.push(problemOf("quantity_too_large", "quantity", message("outdoor.lotTooLarge", params)));
  } else if (problems.length === 0 && tonnes > largeOutdoorLotTonnes && !lot.confirmLarge) {
    const params = { quantity: lot.quantity, unit: type.unit, type: type.names, tonnes, limit: largeOutdoorLotTonnes };
    problems.push(problemOf("confirm_large_quantity", "quantity", message("outdoor.confirmLarge", params)));
  }
  return problems;
}
