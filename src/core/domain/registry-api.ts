/**
 * Request and response shapes of the mass registry's API (DESIGN §7, projects and lots), shared by
 * the server and the client so they cannot drift apart.
 */
import { z } from "zod";
import type { Role } from "./accounts";
import { contaminationClassSchema, materialSchema, type Material, type MaterialProperties } from "./materials";
import { lotDirections, lotInputSchema, monthSchema, projectInputSchema, projectStatuses, type Lot, type Project } from "./records";

const version = z.number().int().positive("must be a positive whole number");

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

/** A query parameter holding a comma-separated list: "rock,clay_silt". */
const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
    z.array(item).min(1, "must list at least one value"),
  );

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
    limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(maxProjectPage, `must be at most ${maxProjectPage}`).optional(),
    offset: z.coerce.number().int("must be a whole number").min(0, "must not be negative").max(10_000_000).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] })
  .refine((q) => q.offset === undefined || q.limit !== undefined, { message: "needs limit", path: ["offset"] });
export type ProjectQuery = z.input<typeof projectQuerySchema>;

/**
 * GET /api/projects answers `{ items, total }`: `total` is the number of projects matching the
 * filters; with `limit` it also echoes `limit` and `offset`, and `items` is that page.
 */
export interface ProjectListResponse {
  items: Project[];
  total: number;
  limit?: number;
  offset?: number;
}

/** The answer to a PUT whose version is stale: the error shape plus the record as it is now. */
export interface VersionConflict<T> {
  error: { code: "version_conflict"; message: string; fields: [] };
  current: T;
}
export type ProjectConflict = VersionConflict<Project>;
export type LotConflict = VersionConflict<Lot>;

/** One row of GET /api/audit: who changed what, when, before and after. */
export interface AuditEntry {
  id: number;
  entity: "project" | "lot" | "site" | "materials" | "scenario" | "road_network" | "zoning" | "suitability_rules" | "outdoor_lot" | "outdoor_material_type" | "user";
  entityId: string;
  /** The project a lot belongs to, so a project's history shows its lots' changes too. */
  projectId: string | null;
  action: "create" | "update" | "delete" | "restore";
  actor: string;
  at: string;
  before: unknown;
  after: unknown;
}

/** GET /api/users (signed in): who can be named as a project member. */
export interface UserSummary {
  username: string;
  role: Role;
}

/** GET /api/materials: the conversion table in force (admins may edit it with PUT /api/materials/:material). */
export interface MaterialPropertiesRow extends MaterialProperties {
  material: Material;
}
export const materialPropertiesSchema = z.object({
  densityTonnesPerM3InPlace: z.number().min(0.5, "must be at least 0.5 t/m³").max(5, "must be at most 5 t/m³"),
  swellInPlaceToLoose: z.number().min(0, "must be ≥ 0").max(2, "must be at most 2 (= +200 %)"),
  compactedPerInPlace: z.number().min(0.5, "must be at least 0.5").max(2, "must be at most 2"),
});

/** Above this a lot's quantity needs `confirmLarge: true` (a typo guard, issue #3). */
export const largeLotTonnes = 10_000_000;

/** One problem in an imported CSV file: the 1-based data row (header = row 1), the column and why. */
export interface CsvRowError {
  row: number;
  column: string;
  message: string;
}

/**
 * The answer of POST /api/lots/import (body: the CSV text; `?dryRun=true` only checks it).
 * A real import writes all rows in one transaction, or nothing when any row is bad (then 400).
 */
export interface LotImportReport {
  valid: boolean;
  dryRun: boolean;
  rows: number;
  errors: CsvRowError[];
  /** What would be (or was) written, row by row. */
  preview: { row: number; project: string; newProject: boolean; lot: z.infer<typeof lotInputSchema>; tonnes: number }[];
  created: { projects: number; lots: number };
}
