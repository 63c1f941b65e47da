/**
 * Request and response shapes of the mass registry's API (DESIGN §7, projects and lots), shared by
 * the server and the client so they cannot drift apart.
 */
import { z } from "zod";
import { englishText, message, type Message } from "../messages/message";
import { refineWith } from "../messages/zod-issues";
import { commaList, versionSchema, type VersionConflict } from "../api/shapes";
import { apiFieldErrorSchema } from "./api-error";
import type { UserListItem } from "./users-api";
import { contaminationClassSchema, materialSchema } from "./materials";
import { lotDirections, lotInputSchema, monthSchema, projectInputSchema, projectStatuses, projectSchema, type Lot, type Project } from "./records";
import { specialFlags, specialFlagsSchema, type SpecialFlag } from "../special-masses/flags";

const version = versionSchema;

/** PUT /api/projects/:id — the fields, the version they were based on, and optionally the members. */
export const projectUpdateSchema = projectInputSchema.extend({
  version,
  members: z.array(z.string().min(1)).max(100).optional(),
});
/** POST /api/projects. */
export const projectCreateSchema = projectInputSchema.extend({
  members: z.array(z.string().min(1)).max(100).optional(),
});
/** PUT /api/lots/:id. */
export const lotUpdateSchema = lotInputSchema.safeExtend({ version });

export type ProjectCreate = z.infer<typeof projectCreateSchema>;
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;
export type LotUpdate = z.infer<typeof lotUpdateSchema>;

/** Largest page of GET /api/projects?limit=…. */
export const maxProjectPage = 1000;

/**
 * Query of GET /api/projects. Project filters (status, bbox, q) pick projects; lot filters
 * (material, contaminationClass, direction, from/to) pick lots, and a project is listed when
 * at least one of its lots matches — with only the matching lots.
 */
export const projectQuerySchema = z
  .object({
    status: commaList(z.enum(projectStatuses)).optional(),
    material: commaList(materialSchema).optional(),
    contaminationClass: commaList(z.coerce.number().pipe(contaminationClassSchema)).optional(),
    direction: z.enum(lotDirections).optional(),
    /** Lots whose window overlaps from…to (either may be left out). */
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    bbox: z.string().optional(),
    /** Text search in project name, contact and notes (case-insensitive). */
    q: z.string().max(200).optional(),
    /** Admins only: include soft-deleted projects and lots. */
    includeDeleted: z.enum(["true", "false"]).optional(),
    /** A page of at most `limit` projects (by name), from `offset`; without `limit`, every project. */
    limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(maxProjectPage).optional(),
    offset: z.coerce.number().int("must be a whole number").min(0, "must not be negative").max(10_000_000).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, refineWith(message("validation.notBeforeFrom"), ["to"]))
  .refine((q) => q.offset === undefined || q.limit !== undefined, refineWith(message("validation.offsetNeedsLimit"), ["offset"]));
export type ProjectQuery = z.input<typeof projectQuerySchema>;

/**
 * GET /api/projects answers `{ items, total }`: `total` is the number of projects matching the
 * filters; with `limit` it also echoes `limit` and `offset`, and `items` is that page.
 */
export const projectListResponseSchema = z.object({
  items: z.array(projectSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive().optional(),
  offset: z.number().int().nonnegative().optional(),
});
export type ProjectListResponse = z.infer<typeof projectListResponseSchema>;

/**
 * A project as the map and the registry list draw it (GET /api/map/projects): its own fields and
 * the sums of its live lots, without the lots. At 5,000 projects and 20,000 lots the whole list is
 * about 10 MB of JSON and these are about a seventh of it (issue 12). The lots of one project come
 * with GET /api/projects/:id. (The app still loads the whole list; moving the map onto this is open.)
 */
export const projectSummarySchema = projectSchema
  .pick({ id: true, name: true, status: true, location: true, owner: true, members: true, illustrative: true, version: true, deletedAt: true })
  .extend({
    /** Live lots (a filtered list: the matching ones). */
    lotCount: z.number().int().nonnegative(),
    surplusTonnes: z.number().nonnegative(),
    demandTonnes: z.number().nonnegative(),
    /** Special masses its live surplus lots carry (DESIGN §8), in the flags' order: the map's warning symbol. */
    specialMasses: specialFlagsSchema,
  });
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

/** GET /api/map/projects answers like GET /api/projects, with summaries for items. */
export const projectSummaryListResponseSchema = projectListResponseSchema.extend({ items: z.array(projectSummarySchema) });
export type ProjectSummaryListResponse = z.infer<typeof projectSummaryListResponseSchema>;

/** What a project's live lots add up to: how many, tonnes each way, and the special masses of its surplus. */
export type LotSums = Pick<ProjectSummary, "lotCount" | "surplusTonnes" | "demandTonnes" | "specialMasses">;

/**
 * Sums live lots (deleted lots, listed only to admins who ask, count for nothing). One rule for the
 * server's summaries and the map's circles, warning symbols and the project rows. Pure.
 */
export function lotSums(lots: readonly Pick<Lot, "deletedAt" | "direction" | "tonnes" | "flags">[]): LotSums {
  let lotCount = 0;
  let surplusTonnes = 0;
  let demandTonnes = 0;
  const flags = new Set<SpecialFlag>();
  for (const lot of lots) {
    if (lot.deletedAt) continue;
    lotCount++;
    if (lot.direction === "demand") {
      demandTonnes += lot.tonnes;
      continue;
    }
    surplusTonnes += lot.tonnes;
    for (const flag of lot.flags ?? []) flags.add(flag);
  }
  return { lotCount, surplusTonnes, demandTonnes, specialMasses: specialFlags.filter((flag) => flags.has(flag)) };
}

/** A project's summary: its own fields and its live lots summed. Pure. */
export function summariseProject(project: Project): ProjectSummary {
  const { id, name, status, location, owner, members, illustrative, version, deletedAt } = project;
  return { id, name, status, location, owner, members, illustrative, version, deletedAt, ...lotSums(project.lots) };
}

export type ProjectConflict = VersionConflict<Project>;
export type LotConflict = VersionConflict<Lot>;

export const auditEntities = ["project", "lot", "site", "materials", "scenario", "road_network", "zoning", "suitability_rules", "outdoor_lot", "outdoor_material_type", "user", "load"] as const;
export type AuditEntity = (typeof auditEntities)[number];

/** One row of GET /api/audit: who changed what, when, before and after. */
export const auditEntrySchema = z.object({
  id: z.number(),
  entity: z.enum(auditEntities),
  entityId: z.string(),
  /** The project a lot belongs to, so a project's history shows its lots' changes too. */
  projectId: z.string().nullable(),
  action: z.enum(["create", "update", "delete", "restore"]),
  actor: z.string(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * GET /api/users (signed in): who can be named as a project member. The one shape is
 * `UserListItem` (users-api); this name stays for the modules that import it from here.
 */
export type UserSummary = UserListItem;

export const materialPropertiesSchema = z.object({
  densityTonnesPerM3InPlace: z.number().min(0.5, "must be at least 0.5 t/m³").max(5, "must be at most 5 t/m³"),
  swellInPlaceToLoose: z.number().min(0, "must be ≥ 0").max(2, "must be at most 2 (= +200 %)"),
  compactedPerInPlace: z.number().min(0.5, "must be at least 0.5").max(2, "must be at most 2"),
});
/** GET /api/materials: the conversion table in force (admins may edit it with PUT /api/materials/:material). */
export const materialPropertiesRowSchema = materialPropertiesSchema.extend({ material: materialSchema });
export type MaterialPropertiesRow = z.infer<typeof materialPropertiesRowSchema>;

/** Above this a lot's quantity needs `confirmLarge: true` (a typo guard, issue #3). */
export const largeLotTonnes = 10_000_000;

/** Whether a lot is large enough that its quantity must be confirmed. */
export const isLargeLot = (tonnes: number): boolean => tonnes > largeLotTonnes;

/**
 * The large-lot rule: a quantity above `largeLotTonnes` must be confirmed (`confirmLarge: true`).
 * A typo guard, not a limit. The server refuses with this problem; the form shows it first.
 */
export function largeLotProblem(tonnes: number, confirmed: boolean | undefined): Message | undefined {
  return isLargeLot(tonnes) && !confirmed ? message("validation.confirmLarge", { tonnes, limit: largeLotTonnes }) : undefined;
}

/**
 * One problem in an imported CSV file: the 1-based data row (header = row 1), the column and why,
 * in English (`message`) and as a message key with parameters (optional in the contract, as in errors).
 */
export const csvRowErrorSchema = apiFieldErrorSchema.omit({ path: true }).extend({ row: z.number().int(), column: z.string() });
export type CsvRowError = z.infer<typeof csvRowErrorSchema>;

/** A CSV row problem from its message. */
export function csvRowError(row: number, column: string, m: Message): CsvRowError {
  return { row, column, message: englishText(m), key: m.key, params: m.params };
}

/**
 * The answer of POST /api/lots/import (body: the CSV text; `?dryRun=true` only checks it).
 * A real import writes all rows in one transaction, or nothing when any row is bad (then 400).
 */
export const lotImportReportSchema = z.object({
  valid: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  errors: z.array(csvRowErrorSchema),
  /** What would be (or was) written, row by row. */
  preview: z.array(z.object({ row: z.number().int(), project: z.string(), newProject: z.boolean(), lot: lotInputSchema, tonnes: z.number() })),
  created: z.object({ projects: z.number().int(), lots: z.number().int() }),
});
export type LotImportReport = z.infer<typeof lotImportReportSchema>;
