import { z } from "zod";
import { areaGeometrySchema, locationSchema } from "../geo/geometry";
import { geometryOutsideNorway } from "../geo/norway";
import { firstSelfIntersection } from "../geo/self-intersection";
import { specialFlagsSchema } from "../special-masses/flags";
import { gateFeesSchema } from "../special-masses/gate-fees";
import { lotPermitSchema } from "../special-masses/permits";
import { contaminationClassSchema, materialSchema, quantityUnits } from "./materials";
import { earliestMonth, latestMonth, maxLotTonnes, maxSiteCapacityTonnes, maxVerticesPerGeometry, multiLineText, singleLineText, vertexCount } from "./input-bounds";
import { monthsBetween } from "./months";
import { message } from "../messages/message";
import { customIssue, keyedRegex, refineWith } from "../messages/zod-issues";

/** A calendar month, "YYYY-MM" with a four-digit year, from `earliestMonth` to `latestMonth` (1990-01…2100-12). */
export const monthSchema = keyedRegex(/^\d{4}-(0[1-9]|1[0-2])$/, "validation.month").refine(
  (month) => month >= earliestMonth && month <= latestMonth,
  refineWith(message("validation.monthRange", { from: earliestMonth, to: latestMonth })),
);

export const monthWindowSchema = z
  .object({ from: monthSchema, to: monthSchema })
  .refine((w) => w.from <= w.to, refineWith(message("validation.monthOrder"), ["to"]));

export const projectStatuses = ["planned", "in_progress", "completed", "cancelled"] as const;
export const projectStatusSchema = z.enum(projectStatuses);

/** A project's location: WGS84 GeoJSON, in Norway (with a hint at swapped or UTM coordinates). */
export const projectLocationSchema = locationSchema.superRefine((geometry, ctx) => {
  const outside = geometryOutsideNorway(geometry);
  if (outside) ctx.addIssue(customIssue(outside.problem, outside.path));
});

/** A project's own fields, without the Norway check on its location (the shape the API answers with). */
const projectFieldsSchema = z.object({
  name: singleLineText().trim().min(1, "must not be empty").max(200),
  status: projectStatusSchema,
  location: locationSchema,
  contact: singleLineText().max(200).default(""),
  notes: multiLineText().max(5000).default(""),
});

/** What a client sends to create or update a project. */
export const projectInputSchema = projectFieldsSchema.extend({ location: projectLocationSchema });
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const lotDirections = ["surplus", "demand"] as const;

/** A lot's own fields, before the checks across them (the shape the API answers with). */
const lotFieldsSchema = z.object({
    direction: z.enum(lotDirections),
    material: materialSchema,
    contaminationClass: contaminationClassSchema,
    /** At most `maxLotTonnes` whatever the unit (the server checks the weight after conversion too). */
    quantity: z.object({
      value: z.number().positive("must be > 0").max(maxLotTonnes, `must be at most ${maxLotTonnes.toLocaleString("en-GB")}`),
      unit: z.enum(quantityUnits),
    }),
    window: monthWindowSchema,
    /**
     * Optional share of the quantity per month of the window (any positive scale); without it the
     * quantity is spread evenly.
     */
    monthlyProfile: z.array(z.number().nonnegative("must be ≥ 0").max(1e9, "must be at most 1e9")).max(1332).optional(),
    hazardous: z.boolean().default(false),
    /**
     * Special masses (DESIGN §8): `quick_clay`, `acid_forming`, `invasive_species`. A flagged
     * surplus lot goes only where its flags are accepted (core/special-masses/flags.ts).
     */
    flags: specialFlagsSchema.default([]),
    /** Demand only: the special masses it takes (never `acid_forming`: that is never reused as fill). */
    acceptsFlags: specialFlagsSchema.optional(),
    /**
     * The permit (forurensningsloven § 11) or tiltaksplan that lets class ≥ 2 mass leave the
     * project or be stored; until recorded, such flows are marked `needsPermit` (DESIGN §8).
     */
    permit: lotPermitSchema.optional(),
    notes: multiLineText().max(2000).default(""),
    /** Set by the user to confirm a quantity above `largeLotTonnes` is not a typo. */
    confirmLarge: z.boolean().optional(),
  });

export const lotInputSchema = lotFieldsSchema.superRefine((lot, ctx) => {
    if (lot.direction === "surplus" && lot.acceptsFlags?.length) ctx.addIssue(customIssue(message("validation.acceptsFlagsDemandOnly"), ["acceptsFlags"]));
    if (lot.direction === "demand" && lot.flags.length > 0) ctx.addIssue(customIssue(message("validation.flagsSurplusOnly"), ["flags"]));
    if (lot.direction === "demand" && lot.acceptsFlags?.includes("acid_forming")) {
      ctx.addIssue(customIssue(message("validation.acidFormingNotReused"), ["acceptsFlags"]));
    }
    if (!lot.monthlyProfile) return;
    const months = monthsBetween(lot.window.from, lot.window.to).length;
    if (lot.monthlyProfile.length !== months) {
      ctx.addIssue(customIssue(message("validation.profileLength", { months, given: lot.monthlyProfile.length }), ["monthlyProfile"]));
    } else if (!lot.monthlyProfile.some((share) => share > 0)) {
      ctx.addIssue(customIssue(message("validation.profileAllZero"), ["monthlyProfile"]));
    }
  });
export type LotInput = z.infer<typeof lotInputSchema>;

/** A stored record carries its id, its version (for optimistic locking) and whether it is demo data. */
const storedShape = {
  id: z.string(),
  version: z.number().int(),
  /** True for the illustrative demo set: the UI marks it as such. */
  illustrative: z.boolean(),
  /** ISO 8601 time of the last change, and who made it (null for seeded records). */
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** ISO 8601 time of a soft delete; deleted records are listed only for admins who ask. */
  deletedAt: z.string().nullable(),
};

/** A lot as the API answers it: its fields, its project, and its quantity in tonnes (the conversion table in force). */
export const lotSchema = lotFieldsSchema.omit({ confirmLarge: true }).extend({ ...storedShape, projectId: z.string(), tonnes: z.number() });
export type Lot = z.infer<typeof lotSchema>;

/** A project as the API answers it, with its owner, members and live lots. */
export const projectSchema = projectFieldsSchema.extend({
  ...storedShape,
  owner: z.string().nullable(),
  /** Usernames of engineers who may write the project beside its owner. */
  members: z.array(z.string()),
  lots: z.array(lotSchema),
});
export type Project = z.infer<typeof projectSchema>;

export const siteKinds = ["storage", "landfill", "quarry"] as const;
export type SiteKind = (typeof siteKinds)[number];
export const siteStatuses = ["candidate", "proposed", "allocated", "in_use", "closed"] as const;

/** A site's outline: a valid WGS84 polygon in Norway whose edges do not cross. */
export const siteGeometrySchema = areaGeometrySchema.superRefine((geometry, ctx) => {
  // Too many positions is already reported; checking such an outline further would only cost time.
  if (vertexCount(geometry.coordinates) > maxVerticesPerGeometry) return;
  const outside = geometryOutsideNorway(geometry);
  if (outside) ctx.addIssue(customIssue(outside.problem, outside.path));
  const crossing = firstSelfIntersection(geometry);
  if (crossing) {
    ctx.addIssue(customIssue(message("geo.selfIntersection", { lon: crossing[0].toFixed(5), lat: crossing[1].toFixed(5) }), ["coordinates"]));
  }
});

/** A site's own fields, without the checks on its outline (the shape the API answers with). */
const siteFieldsSchema = z.object({
  name: singleLineText().trim().min(1, "must not be empty").max(200),
  kind: z.enum(siteKinds),
  status: z.enum(siteStatuses),
  geometry: areaGeometrySchema,
  /** Capacity in tonnes (storage, optional for landfills). */
  capacityTonnes: z.number().nonnegative().max(maxSiteCapacityTonnes, `must be at most ${maxSiteCapacityTonnes.toLocaleString("en-GB")} t`).optional(),
  /** What the site takes. A receiver (landfill) without it takes class 1 only and no flags (DESIGN §8). */
  accepts: z
    .object({
      materials: z.array(materialSchema).min(1),
      worstClass: contaminationClassSchema,
      /** Special masses the site is approved for (DESIGN §8); none when absent. */
      flags: specialFlagsSchema.optional(),
    })
    .optional(),
  /** Storage: one charge per tonne covering unloading, stockpiling and reloading, NOK. */
  handlingCostPerTonne: z.number().nonnegative().optional(),
  /** Landfill gate fee, NOK per tonne. */
  gateFeePerTonne: z.number().nonnegative().optional(),
  /** Landfill: gate fee per TA-2553 class and for hazardous waste apart, NOK per tonne; a class without one pays gateFeePerTonne. */
  gateFees: gateFeesSchema.optional(),
  /** Quarry: virgin material offered, its price (NOK/t) and emissions (kg CO2e/t). */
  materials: z.array(materialSchema).optional(),
  pricePerTonne: z.number().nonnegative().optional(),
  kgCO2ePerTonne: z.number().nonnegative().optional(),
  window: monthWindowSchema.optional(),
  /** Storage: mean height of the stockpile, m; with the usable share it gives a capacity estimate. */
  stackHeightM: z.number().positive("must be > 0").max(50, "must be at most 50 m").optional(),
  /** Share of the area usable for stockpiles (the rest is roads, slopes, buffers), 0–1. */
  usableShare: z.number().gt(0, "must be > 0").max(1, "must be at most 1").optional(),
  /** Landfill: approved to receive hazardous waste (farlig avfall, decided under avfallsforskriften kap. 11, not by the class). */
  acceptsHazardous: z.boolean().optional(),
  /** Storage: area reserved for outdoor materials (kerbs, pipes, benches …, issue #8), m², beside the mass capacity. */
  materialAreaM2: z.number().nonnegative("must not be negative").max(10_000_000, "must be at most 10 000 000 m²").optional(),
  /** Storage: whether that material area is under roof; only then does it take types that need cover. */
  materialAreaCovered: z.boolean().optional(),
  /**
   * Storage: a candidate for allocation (DESIGN §9, issue 11) — `recommend` decides whether the
   * municipality sets it aside; a storage site that is not a candidate is allocated already.
   */
  candidate: z.boolean().optional(),
  /** Candidate: one-off cost when allocated (establishing, access, permits, restoring the land), NOK. */
  fixedCostNok: z.number().nonnegative("must not be negative").max(1e11, "must be at most 100 000 000 000 NOK").optional(),
  /** Candidate: rent for each month of its window while allocated, NOK per month. */
  rentNokPerMonth: z.number().nonnegative("must not be negative").max(1e10, "must be at most 10 000 000 000 NOK").optional(),
  notes: multiLineText().max(5000).default(""),
});

/** The rules the allocation engine needs of a candidate (instance.ts checkAllocation), checked when the site is written. */
function checkCandidate(site: { kind: SiteKind; candidate?: boolean | undefined; fixedCostNok?: number | undefined }, ctx: z.RefinementCtx): void {
  if (site.candidate && site.kind !== "storage") ctx.addIssue(customIssue(message("validation.candidateNotStorage"), ["candidate"]));
  if (site.candidate && site.fixedCostNok === undefined) ctx.addIssue(customIssue(message("validation.candidateFixedCost"), ["fixedCostNok"]));
}

/** What a client sends to create a site (POST /api/sites). */
export const siteInputSchema = siteFieldsSchema.extend({ geometry: siteGeometrySchema }).superRefine(checkCandidate);
export type SiteInput = z.infer<typeof siteInputSchema>;
/** PUT /api/sites/:id: the fields and the version they were based on. */
export const siteUpdateSchema = siteFieldsSchema
  .extend({ geometry: siteGeometrySchema, version: z.number().int().positive("must be a positive whole number") })
  .superRefine(checkCandidate);
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;

/** A site as the API answers it. */
export const siteSchema = siteFieldsSchema.extend(storedShape);
export type Site = z.infer<typeof siteSchema>;

export const zoningStatuses = ["in_force", "proposed", "repealed"] as const;

export const zoningAreaInputSchema = z.object({
  /** SOSI arealformål code (KpArealformål or RpArealformål). */
  code: z.number().int().positive(),
  codeList: z.enum(["kp", "rp"]),
  planId: singleLineText().min(1).max(200),
  planName: singleLineText().max(500),
  status: z.enum(zoningStatuses),
  geometry: areaGeometrySchema,
});
export type ZoningAreaInput = z.infer<typeof zoningAreaInputSchema>;

/** A zoning area as `GET /api/zoning` lists it. */
export const zoningAreaSchema = zoningAreaInputSchema.extend({ id: z.string(), illustrative: z.boolean() });
export type ZoningArea = z.infer<typeof zoningAreaSchema>;
