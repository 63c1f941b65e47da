/**
 * The bodies of `POST /api/scenarios/:id/recommend` and `GET /api/scenarios/:id/recommendation`
 * (issue 11): the server validates with these schemas, the app parses with them.
 */
import { z } from "zod";
import { parametersSchema } from "../matching/instance";
import { dataChangesSchema, scenarioRunSchema, siteAllocationChoiceSchema } from "../scenario/scenario";
import type { RecommendResult } from "./result";

/**
 * What a recommendation may set for this run only; anything left out comes from the scenario
 * (its parameters and `siteAllocation`). `null` lifts a limit the scenario sets.
 */
export const recommendRequestSchema = z
  .object({
    maxAllocatedSites: parametersSchema.shape.maxAllocatedSites.unwrap().nullable().optional(),
    maxAllocatedAreaM2: parametersSchema.shape.maxAllocatedAreaM2.unwrap().nullable().optional(),
    siteAllocation: z.array(siteAllocationChoiceSchema).max(1000).optional(),
    objective: z.enum(["cost", "co2"]).optional(),
    /** Also the best plan with at most 0, 1, 2 … sites (the k-curve). Default true. */
    curve: z.boolean().default(true),
  })
  .strict();
export type RecommendRequest = z.input<typeof recommendRequestSchema>;

/** A site of the run's snapshot as the recommendation shows it (names for ids, the candidate's costs). */
export const recommendationSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["storage", "landfill", "quarry"]),
  candidate: z.boolean(),
  fixedCostNok: z.number().optional(),
  rentNokPerMonth: z.number().optional(),
  areaM2: z.number().optional(),
  allocation: z.enum(["required", "excluded"]).optional(),
  location: z.tuple([z.number(), z.number()]).optional(),
});
export type RecommendationSite = z.infer<typeof recommendationSiteSchema>;

const idsSchema = z.array(z.string());

/**
 * `GET /api/scenarios/:id/recommendation`, like `/result`: the last good recommendation with its
 * run, a run in progress, the last failure after it, and whether the registry moved on since.
 * `sitesInPlay` is what "Use this allocation" saves as the scenario's `siteIds`: the run's sites
 * that are not candidates plus the candidates it allocates.
 */
export const recommendationViewSchema = z.object({
  run: scenarioRunSchema.nullable(),
  running: scenarioRunSchema.nullable(),
  lastFailure: scenarioRunSchema.nullable(),
  // The plan part of the result is the solve result (DESIGN §7), parsed where it is read.
  result: z.custom<Exclude<RecommendResult, { status: "error" }>>((value) => typeof value === "object" && value !== null && "allocation" in value).nullable(),
  notes: z.array(z.string()),
  dataChanged: dataChangesSchema.nullable(),
  sites: z.array(recommendationSiteSchema),
  sitesInPlay: idsSchema.nullable(),
});
export type RecommendationView = z.infer<typeof recommendationViewSchema>;

/** The sites of a recommendation's snapshot, and the sites in play its allocation gives. */
export function recommendationSites(
  snapshotSites: readonly {
    id: string;
    name?: string;
    kind: "storage" | "landfill" | "quarry";
    candidate?: boolean;
    fixedCostNok?: number;
    rentNokPerMonth?: number;
    areaM2?: number;
    allocation?: "required" | "excluded";
    location?: readonly [number, number] | readonly number[];
  }[],
  allocated: readonly string[],
): { sites: RecommendationSite[]; sitesInPlay: string[] } {
  const chosen = new Set(allocated);
  const sites = snapshotSites.map((site) => ({
    id: site.id,
    name: site.name ?? site.id,
    kind: site.kind,
    candidate: site.kind === "storage" && site.candidate === true,
    ...(site.fixedCostNok !== undefined ? { fixedCostNok: site.fixedCostNok } : {}),
    ...(site.rentNokPerMonth !== undefined ? { rentNokPerMonth: site.rentNokPerMonth } : {}),
    ...(site.areaM2 !== undefined ? { areaM2: site.areaM2 } : {}),
    ...(site.allocation !== undefined ? { allocation: site.allocation } : {}),
    ...(site.location && site.location.length === 2 ? { location: [site.location[0], site.location[1]] as [number, number] } : {}),
  }));
  return { sites, sitesInPlay: sites.filter((site) => !site.candidate || chosen.has(site.id)).map((site) => site.id) };
}
