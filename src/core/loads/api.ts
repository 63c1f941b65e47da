/** Request and response shapes of the delivered-loads API (issue 16) beside the load record. */
import { z } from "zod";
import { deviationSchema } from "./deviations";

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
