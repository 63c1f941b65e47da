/**
 * Delivered loads (DESIGN §10, issue 16): one truck trip as it happened — when, from a lot or a
 * storage site, to a lot or a site, how much, which vehicle, which weighbridge ticket, who recorded
 * it. Pure: the schemas of the API and the bounds a load must keep. Tonnes from m³ follow the
 * registry's conversion (`toTonnes` with the table in force); m³ on a truck are loose (ulm³).
 */
import { z } from "zod";
import { maxLoadTonnes, singleLineText } from "../domain/input-bounds";
import { toTonnes, type Material, type MaterialProperties } from "../domain/materials";
import { shiftMonth } from "../domain/months";
import { versionSchema } from "../api/shapes";
import { message, type Message } from "../messages/message";
import { customIssue, keyedRegex, refineWith } from "../messages/zod-issues";

/** Where a load comes from or goes to: a mass lot or a site (storage, landfill, quarry). */
export const loadEndpointSchema = z.union([z.object({ lotId: z.string().min(1).max(100) }).strict(), z.object({ siteId: z.string().min(1).max(100) }).strict()]);
export type LoadEndpoint = z.infer<typeof loadEndpointSchema>;

/** Units a load is given in: tonnes (weighbridge) or m³ as loaded on the truck (ulm³). */
export const loadUnits = ["tonnes", "m3"] as const;
export type LoadUnit = (typeof loadUnits)[number];

/** A time with its offset, as a phone or weighbridge writes it: 2027-03-04T07:30:00+01:00 (or Z). */
const isoTimePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
export const loadTimeSchema = keyedRegex(isoTimePattern, "validation.loadTime").refine(
  (time) => {
    if (!isoTimePattern.test(time)) return true; // reported by the pattern already
    // Date.parse rolls 30 February over to March; the day must exist in its month.
    const [year, month, day] = time.slice(0, 10).split("-").map(Number) as [number, number, number];
    return !Number.isNaN(Date.parse(time)) && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  },
  refineWith(message("validation.loadTime")),
);

/** The month of a load as the time was written (the local month where it happened). */
export const monthOfLoad = (time: string): string => time.slice(0, 7);

/** The same endpoint (same lot or same site). */
export const sameEndpoint = (a: LoadEndpoint, b: LoadEndpoint): boolean =>
  ("lotId" in a && "lotId" in b && a.lotId === b.lotId) || ("siteId" in a && "siteId" in b && a.siteId === b.siteId);

/** A stable text key of an endpoint, for maps: "lot:…" or "site:…". */
export const endpointKey = (e: LoadEndpoint): string => ("lotId" in e ? `lot:${e.lotId}` : `site:${e.siteId}`);

const loadFieldsSchema = z.object({
  time: loadTimeSchema,
  from: loadEndpointSchema,
  to: loadEndpointSchema,
  quantity: z.object({
    value: z.number().positive("must be > 0").max(maxLoadTonnes, `must be at most ${maxLoadTonnes}`),
    unit: z.enum(loadUnits),
  }),
  /** Vehicle registration (kjennemerke), e.g. "EK 12345". */
  vehicle: singleLineText().trim().max(20).default(""),
  /** Weighbridge ticket number (veieseddel); unique per receiving place when given. */
  ticket: singleLineText().trim().max(64).default(""),
});

/** POST /api/loads. From and to must differ. */
export const loadInputSchema = loadFieldsSchema.superRefine((load, ctx) => {
  if (sameEndpoint(load.from, load.to)) ctx.addIssue(customIssue(message("validation.loadSameEnds"), ["to"]));
});
export type LoadInput = z.infer<typeof loadInputSchema>;

/** PUT /api/loads/:id: the fields and the version they were based on. */
export const loadUpdateSchema = loadFieldsSchema.extend({ version: versionSchema }).superRefine((load, ctx) => {
  if (sameEndpoint(load.from, load.to)) ctx.addIssue(customIssue(message("validation.loadSameEnds"), ["to"]));
});
export type LoadUpdate = z.infer<typeof loadUpdateSchema>;

/** A load as the API answers it: its fields, its weight in tonnes, who recorded it. */
export const loadSchema = loadFieldsSchema.extend({
  id: z.string(),
  tonnes: z.number(),
  recordedBy: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type Load = z.infer<typeof loadSchema>;

/** GET /api/loads?lotId=&siteId=&from=&to= (from/to are dates or times, YYYY-MM-DD…, both included). */
/** A day that exists, "YYYY-MM-DD" (years 1990–2100, the input bounds' months). */
const daySchema = z.string().refine((text) => {
  const match = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1990 && year <= 2100 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}, refineWith(message("validation.date")));
/** A bound of a time filter: a day, or a time with its offset. */
const timeBoundSchema = z.union([daySchema, loadTimeSchema]);

export const loadQuerySchema = z.object({
  lotId: z.string().max(100).optional(),
  siteId: z.string().max(100).optional(),
  from: timeBoundSchema.optional(),
  to: timeBoundSchema.optional(),
  projectId: z.string().max(100).optional(),
});

/**
 * A load's weight in tonnes: as given, or m³ loose (ulm³, as loaded on the truck) converted with the
 * material's density and swell in the table in force — the registry's own rule (`toTonnes`). Needs
 * a material for m³: the lot's at either end.
 */
export function loadTonnes(
  quantity: { value: number; unit: LoadUnit },
  material: Material | undefined,
  table: Readonly<Record<Material, MaterialProperties>>,
): { ok: true; tonnes: number } | { ok: false; problem: Message } {
  if (quantity.unit === "tonnes") return { ok: true, tonnes: quantity.value };
  if (!material) return { ok: false, problem: message("validation.loadM3NeedsLot") };
  return { ok: true, tonnes: toTonnes(quantity.value, "m3_loose", material, table) };
}

/** How far outside a lot's window a load may happen, months (issue 16: "more than a year" is refused). */
export const loadWindowSlackMonths = 12;

/**
 * Why a load's time is refused for a lot: its month lies more than a year before the lot's first
 * month or after its last; undefined when it is within.
 */
export function loadTimeProblem(time: string, window: { from: string; to: string }): Message | undefined {
  const month = monthOfLoad(time);
  const earliest = shiftMonth(window.from, -loadWindowSlackMonths);
  const latest = shiftMonth(window.to, loadWindowSlackMonths);
  return month < earliest || month > latest ? message("validation.loadOutsideWindow", { month, from: window.from, to: window.to }) : undefined;
}

/** Whether the weight itself is plausible for one truck (after converting m³). */
export function loadTonnesProblem(tonnes: number): Message | undefined {
  return tonnes > maxLoadTonnes ? message("validation.loadTooHeavy", { tonnes: Math.round(tonnes * 10) / 10, max: maxLoadTonnes }) : undefined;
}
