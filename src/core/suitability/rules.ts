import { z } from "zod";
import defaultRulesJson from "../../../data/suitability-rules.json";
import { zoningCategories } from "../zoning/arealformaal";
import { zoneHazards, type ZoneHazard } from "../zoning/hazard-zones";

/** What a zoning rule says about a site lying on that zoning. */
export const zoningRuleValues = ["allowed", "conditional", "excluded"] as const;
export type ZoningRule = (typeof zoningRuleValues)[number];

/** What a finding does to the verdict: nothing (info), or at least conditional, or unsuitable. */
export const findingEffects = ["info", "conditional", "unsuitable"] as const;
export type FindingEffect = (typeof findingEffects)[number];

const share = z.number().min(0, "must be ≥ 0").max(1, "must be ≤ 1 (a share, 0.05 = 5 %)");
const zoningRule = z.enum(zoningRuleValues);

export const conflictRuleSchema = z.object({
  /** Stable key of the conflict kind, used in the report and by the UI's translations: "school_kindergarten". */
  kind: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case letters, digits and _"),
  /** English words for reasons: "nearest <label> zoning 130 m". */
  label: z.string().min(1),
  /** Zoning closer than this to the site's edge is a conflict, metres. */
  bufferM: z.number().nonnegative().max(5000, "must be at most 5000 m"),
  categories: z.array(z.enum(zoningCategories)).default([]),
  codes: z.array(z.number().int().positive()).default([]),
  effect: z.enum(findingEffects),
});
export type ConflictRule = z.infer<typeof conflictRuleSchema>;

/**
 * What each kind of hazard or protection zone does to a site that lies in it (issue 17, DESIGN §8):
 * landslide and quick clay unsuitable, flood and drinking water conditional, and so on for every
 * hensynssone code (`core/zoning/hazard-zones.ts` maps codes to these kinds). The shipped values and
 * their reasons are in `data/suitability-rules.json`. Rules saved before issue 17 have none: they
 * get the shipped defaults.
 */
const zoneHazardEffects = z.object(Object.fromEntries(zoneHazards.map((hazard) => [hazard, z.enum(findingEffects)])) as Record<ZoneHazard, z.ZodEnum<{ info: "info"; conditional: "conditional"; unsuitable: "unsuitable" }>>);

/**
 * The suitability rules (issue 6): which zoning a storage or receiving site may lie on, the buffer
 * distances to sensitive zoning, road access and the capacity defaults. Shipped as
 * `data/suitability-rules.json`, whose `$comment` explains each default and its source.
 */
export const suitabilityRulesSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    version: z.literal(1),
    zoning: z.object({
      toleratedExcludedShare: share,
      negligibleShare: share,
      unzoned: z.enum(findingEffects),
      categories: z.record(z.enum(zoningCategories), zoningRule),
      codes: z.record(z.string().regex(/^\d{3,4}$/, "must be an arealformål code such as \"1202\""), zoningRule).default({}),
    }),
    conflicts: z.array(conflictRuleSchema),
    zones: z.object({ hazards: zoneHazardEffects }).optional(),
    road: z.object({ maxDistanceM: z.number().positive(), effect: z.enum(findingEffects) }),
    capacity: z.object({
      /** Default stockpile height, m. */
      stackHeightM: z.number().positive().max(50),
      /** Default share of the area usable for stockpiles (the rest is access, slopes, drainage), 0–1. */
      usableShare: share.refine((value) => value > 0, "must be > 0"),
      /** Default bulk density of the stockpiled mass, t/m³. */
      densityTonnesPerM3: z.number().positive().max(5),
    }),
  })
  .superRefine((rules, ctx) => {
    const kinds = new Set<string>();
    rules.conflicts.forEach((conflict, index) => {
      if (kinds.has(conflict.kind)) ctx.addIssue({ code: "custom", path: ["conflicts", index, "kind"], message: `repeats kind "${conflict.kind}"` });
      kinds.add(conflict.kind);
      if (conflict.categories.length === 0 && conflict.codes.length === 0) {
        ctx.addIssue({ code: "custom", path: ["conflicts", index], message: "names neither categories nor codes" });
      }
    });
  });
export type SuitabilityRules = z.infer<typeof suitabilityRulesSchema>;

/** Rules from JSON (an admin's file), or the first problem with its path. */
export function parseSuitabilityRules(json: unknown): { ok: true; rules: SuitabilityRules } | { ok: false; problem: string } {
  const parsed = suitabilityRulesSchema.safeParse(json);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `suitability rules: ${issue?.path.join(".") || "(top)"}: ${issue?.message ?? "invalid"}` };
}

/** The shipped defaults (`data/suitability-rules.json`). */
export const defaultSuitabilityRules: SuitabilityRules = suitabilityRulesSchema.parse(defaultRulesJson);

/** The effect of each zone hazard in force: the rules' own, else the shipped defaults (rules saved before issue 17). */
export function zoneHazardRules(rules: SuitabilityRules): Record<ZoneHazard, FindingEffect> {
  return rules.zones?.hazards ?? defaultSuitabilityRules.zones!.hazards;
}
