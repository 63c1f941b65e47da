/**
 * The pure parts of the "Register load" form: the time with the device's offset, numbers typed
 * with a decimal comma, the remembered vehicles, and the body sent to `POST /api/loads`.
 */
import type { Lot, Project } from "../../../core/domain/records";
import type { LoadEndpoint, LoadInput, LoadUnit } from "../../../core/loads/load";
import { parseLocaleNumber } from "../../../core/registry/lot-csv";

/** "2027-03-04T07:30" (a datetime-local value) with the offset the device has at that moment: "2027-03-04T07:30:00+01:00". */
export function withOffset(local: string, offsetMinutesWest: number): string {
  const east = -offsetMinutesWest;
  const sign = east >= 0 ? "+" : "-";
  const hours = String(Math.floor(Math.abs(east) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(east) % 60).padStart(2, "0");
  return `${local.length === 16 ? `${local}:00` : local}${sign}${hours}:${minutes}`;
}

/** The datetime-local value of a moment in the device's time zone ("2027-03-04T07:30"). */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Lots the user may record loads for: the lots of projects they may write, by project. */
export function myLots(projects: readonly Project[], mayWrite: (project: Project) => boolean): { project: Project; lots: Lot[] }[] {
  return projects.filter((p) => mayWrite(p) && p.lots.length > 0).map((project) => ({ project, lots: project.lots.filter((l) => l.deletedAt === null) }));
}

export interface LoadDraft {
  lotId: string;
  placeKind: "site" | "lot";
  placeId: string;
  quantity: string;
  unit: LoadUnit;
  vehicle: string;
  ticket: string;
  time: string;
}

/**
 * The body of `POST /api/loads` from the draft: a surplus lot's load goes from the lot to the
 * place, a demand lot's from the place to the lot. Undefined quantity when it is not a number.
 */
export function loadBody(draft: LoadDraft, lot: Pick<Lot, "id" | "direction">, offsetMinutesWest: number): { body: LoadInput; quantityOk: boolean } {
  const place: LoadEndpoint = draft.placeKind === "site" ? { siteId: draft.placeId } : { lotId: draft.placeId };
  const own: LoadEndpoint = { lotId: lot.id };
  const value = parseLocaleNumber(draft.quantity);
  return {
    body: {
      time: withOffset(draft.time, offsetMinutesWest),
      from: lot.direction === "demand" ? place : own,
      to: lot.direction === "demand" ? own : place,
      quantity: { value: value ?? Number.NaN, unit: draft.unit },
      vehicle: draft.vehicle.trim().toUpperCase(),
      ticket: draft.ticket.trim(),
    },
    quantityOk: value !== undefined && value > 0,
  };
}

/** Where recent vehicles are remembered (localStorage). */
export const recentVehiclesKey = "massekart.recentVehicles";
const maxRecentVehicles = 8;

/** The remembered vehicles, newest first; [] for anything unreadable. */
export function readRecentVehicles(storage: Pick<Storage, "getItem"> | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(recentVehiclesKey) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string").slice(0, maxRecentVehicles) : [];
  } catch {
    return [];
  }
}

/** Remembers `vehicle` first, without repeats, at most `maxRecentVehicles`. */
export function rememberVehicle(storage: Pick<Storage, "getItem" | "setItem"> | undefined, vehicle: string): string[] {
  const name = vehicle.trim().toUpperCase();
  const next = name ? [name, ...readRecentVehicles(storage).filter((v) => v !== name)].slice(0, maxRecentVehicles) : readRecentVehicles(storage);
  try {
    storage?.setItem(recentVehiclesKey, JSON.stringify(next));
  } catch {
    // A full or blocked storage only loses the list.
  }
  return next;
}
