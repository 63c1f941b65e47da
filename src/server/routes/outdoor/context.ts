// What the outdoor-material routes share: the rules' context, described lots, problems, the list query.
import { type Context } from "hono";
import { type Me } from "../../../core/domain/accounts";
import { describeFields, fieldError } from "../../../core/domain/api-error";
import { message } from "../../../core/messages/message";
import { representativePoint, type LonLat } from "../../../core/geo/geometry";
import { outdoorLotQuerySchema, type OutdoorLot, type OutdoorLotInput, type StoredOutdoorLot } from "../../../core/outdoor/api";
import { type OutdoorMaterialTypeRecord } from "../../../core/outdoor/catalogue";
import { assignStorage, describeOutdoorLot, materialStorageSitesOf, outdoorLotProblems, storagePeriod, type MaterialStorageSite, type OutdoorLotProblem } from "../../../core/outdoor/lots";
import { type SessionUser } from "../../auth/sessions";
import { type Queryable } from "../../db/database";
import { fail, invalidInput, readQuery, type AppEnv } from "../../http";
import { getOutdoorLot, listOutdoorLots, listProjectPlaces } from "../../repositories/outdoor-lots";
import { getOutdoorTypesInForce } from "../../repositories/outdoor-material-types";
import { listSites } from "../../repositories/sites";

export const me = (user: SessionUser): Me => ({ username: user.username, role: user.role });

/** What the rules of outdoor lots need to know beside a lot: types in force, storage sites, project places. */
export interface OutdoorContext {
  types: OutdoorMaterialTypeRecord[];
  typeById: Map<string, OutdoorMaterialTypeRecord>;
  sites: MaterialStorageSite[];
  places: Map<string, { name: string; point: LonLat }>;
}

export async function loadContext(db: Queryable): Promise<OutdoorContext> {
  const types = await getOutdoorTypesInForce(db);
  const places = await listProjectPlaces(db);
  return {
    types,
    typeById: new Map(types.map((type) => [type.id, type])),
    sites: materialStorageSitesOf(await listSites(db)),
    places: new Map(places.map((place) => [place.id, { name: place.name, point: representativePoint(place.location) }])),
  };
}

/** Stored lots with their unit, tonnes, area and storage site (chosen or nearest). */
export function describeLots(lots: readonly StoredOutdoorLot[], context: OutdoorContext): OutdoorLot[] {
  const choices = assignStorage(
    lots.map((lot) => ({ ...lot, location: context.places.get(lot.projectId)?.point })),
    context.sites,
    context.typeById,
  );
  return lots.map((lot) => describeOutdoorLot(lot, context.typeById.get(lot.typeId), choices.get(lot.id)!));
}

// Field errors first; a request to confirm a large quantity only once nothing else is wrong.
const problemOrder: Record<OutdoorLotProblem["code"], number> = { invalid_input: 0, quantity_too_large: 0, exceeds_storage_area: 1, confirm_large_quantity: 2 };

/** Every reason a lot cannot be saved: the catalogue and site rules, and a receiving project that exists. */
export function lotProblems(lot: OutdoorLotInput, context: OutdoorContext): OutdoorLotProblem[] {
  const problems = outdoorLotProblems(lot, { type: context.typeById.get(lot.typeId), sites: context.sites });
  const receiver = lot.direction === "available" ? lot.wantedBy?.projectId : undefined;
  if (receiver && !context.places.has(receiver)) {
    problems.push({ code: "invalid_input", ...fieldError("wantedBy.projectId", message("import.noProjectWithId", { id: receiver })) });
  }
  return problems.sort((a, b) => problemOrder[a.code] - problemOrder[b.code]);
}

export function problemsResponse(c: Context, problems: OutdoorLotProblem[]): Response {
  const fields = problems.map(({ code: _code, ...field }) => field);
  const code = problems[0]!.code;
  if (code === "invalid_input") return invalidInput(c, fields);
  return fail(c, 400, code, message("error.fieldProblems", { details: describeFields(fields), count: fields.length }), fields);
}

/** The months a lot is in use: an available lot while stored, a wanted lot in the month it is needed. */
export function lotMonths(lot: StoredOutdoorLot): { from: string; to: string } {
  return lot.direction === "available" ? storagePeriod(lot) : { from: lot.neededBy, to: lot.neededBy };
}

export async function describedLot(
  tx: Queryable,
  id: string,
  { includeDeleted = false, context }: { includeDeleted?: boolean; context?: OutdoorContext } = {},
): Promise<OutdoorLot | undefined> {
  const lot = await getOutdoorLot(tx, id, { includeDeleted });
  return lot ? describeLots([lot], context ?? (await loadContext(tx)))[0] : undefined;
}


/** Lots by the list query: SQL filters first, then site and months, which need the plan rules. */
export async function queriedLots(db: Queryable, c: Context<AppEnv>, user: SessionUser): Promise<{ ok: true; lots: OutdoorLot[]; context: OutdoorContext } | { ok: false; response: Response }> {
  const query = readQuery(c, outdoorLotQuerySchema);
  if (!query.ok) return query;
  const { type, siteId, projectId, direction, from, to, includeDeleted } = query.value;
  if (includeDeleted === "true" && user.role !== "admin") {
    return { ok: false, response: fail(c, 403, "forbidden", message("error.adminListsDeleted", { entity: "lot" })) };
  }
  const context = await loadContext(db);
  const stored = await listOutdoorLots(db, {
    ...(projectId ? { projectId } : {}),
    ...(direction ? { direction } : {}),
    ...(type ? { typeIds: type } : {}),
    includeDeleted: includeDeleted === "true",
  });
  const lots = describeLots(stored, context).filter((lot) => {
    if (siteId && lot.storage.siteId !== siteId) return false;
    const months = lotMonths(lot);
    // Months as YYYY-MM compare correctly as text: in use from…to when it ends after from and starts before to.
    return (!from || months.to >= from) && (!to || months.from <= to);
  });
  return { ok: true, lots, context };
}

