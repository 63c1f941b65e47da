/** Request and response shapes of the delivered-loads API (issue 16) beside the load record. */
import { z } from "zod";
import { materialSchema } from "../domain/materials";
import { deviationSchema } from "./deviations";
import { loadEndpointSchema, loadQuerySchema } from "./load";

/** GET /api/deviations and GET /api/deliveries: the plan is the latest run of `scenarioId` (default: the scenario run last). */
export const deviationQuery = z.object({
  scenarioId: z.string().max(100).optional(),
  projectId: z.string().max(100).optional(),
  siteId: z.string().max(100).optional(),
});

export const deviationListSchema = z.object({ items: z.array(deviationSchema) });

/** GET /api/deliveries: planned against delivered per place (lot or site id) and month. */
export const deliveriesSchema = z.object({
  /** The scenario whose latest run is the plan; null when no scenario has run. */
  scenarioId: z.string().nullable(),
  rows: z.array(z.object({ place: z.string(), month: z.string(), plannedTonnes: z.number(), deliveredTonnes: z.number() })),
});
export type Deliveries = z.infer<typeof deliveriesSchema>;

/** GET /api/loads/flows: the same filters as GET /api/loads (lot, site, project, time bounds). */
export const loadFlowQuery = loadQuerySchema;

/**
 * One delivered flow: the live loads from one place to another summed (issue 16 item 2, the map's
 * "actual" flows beside the planned ones). `material` is the lot's at either end (from first),
 * null between two sites; `firstTime`/`lastTime` are the earliest and latest loads' times as written.
 */
export const loadFlowSchema = z.object({
  from: loadEndpointSchema,
  to: loadEndpointSchema,
  material: materialSchema.nullable(),
  tonnes: z.number(),
  loads: z.number().int(),
  firstTime: z.string(),
  lastTime: z.string(),
});
export type LoadFlow = z.infer<typeof loadFlowSchema>;

export const loadFlowListSchema = z.object({ items: z.array(loadFlowSchema) });
