import { z } from "zod";
import type { ApiError } from "../domain/api-error";
import { contaminationClassSchema, materialSchema, quantityUnits } from "../domain/materials";
import { maxLotTonnes, maxSiteCapacityTonnes, singleLineText } from "../domain/input-bounds";
import { monthSchema, monthWindowSchema } from "../domain/records";
import { defaultCircuityFactor } from "../haul/straight-line";
import { defaultAcidStorageWeeks, specialFlagsSchema } from "../special-masses/flags";
import { defaultGateFeePerTonne, gateFeesSchema } from "../special-masses/gate-fees";
import { lotPermitSchema } from "../special-masses/permits";
import { customIssue, issueMessage } from "../messages/zod-issues";
import { message, type Message } from "../messages/message";
import { defaultKgCO2PerVehicleKm } from "./emissions";

/**
 * The instance of matching (DESIGN §7 "Instance"): the input of `massekart solve`, `POST /api/solve`
 * and the browser worker. One schema serves validation, the TypeScript types and the JSON Schema
 * that `massekart schema instance` prints.
 */

const lonLatSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe("[longitude, latitude] in WGS84 degrees");

const nonNegative = (description: string) => z.number().nonnegative("must not be negative").describe(description);

/** Scenario parameters, each defaulting to the reference numbers of DESIGN §5. */
export const parametersSchema = z.object({
  /** NOK per tonne-km. Source: a Norwegian haulier's list (NOK 40/m³ at 1 km … 160 at 40 km), DESIGN §5. */
  costPerTonneKm: nonNegative("haul price, NOK per tonne-km (DESIGN §5: 1.5)").default(1.5),
  /** NOK per tonne and leg. Source: as costPerTonneKm. */
  loadingCostPerTonne: nonNegative("loading, NOK per tonne and leg (DESIGN §5: 20)").default(20),
  /**
   * Tailpipe CO2 of a tipper, kg per vehicle-km, loaded and empty alike; default 1.0 (3.75 l
   * diesel per 10 km × 2.66 kg/l of fossil diesel). Source: Miljødirektoratet's conversion tables,
   * DESIGN §5. Emissions are whole trips × km × 2 × this factor (`core/matching/emissions.ts`).
   * Optional so that an older instance's `kgCO2ePerTonneKm` can still set it (issue 17).
   */
  kgCO2PerVehicleKm: nonNegative(`truck tailpipe CO2, kg per vehicle-km, loaded or empty (DESIGN §5: ${defaultKgCO2PerVehicleKm})`).optional(),
  /**
   * Deprecated: kg CO2e per tonne-km including the empty return (before issue 17, default 0.117 =
   * 2 × 1.0 ÷ 17). Still accepted: when `kgCO2PerVehicleKm` is absent it is converted to
   * kgCO2ePerTonneKm × truckPayloadTonnes ÷ 2 kg per vehicle-km, with a warning in the result.
   */
  kgCO2ePerTonneKm: nonNegative("deprecated: truck emissions incl. empty return, kg CO2e per tonne-km; use kgCO2PerVehicleKm").optional(),
  /** NOK per kg CO2 (transport) or CO2e (virgin material) added to the cost objective; 0 = pure cost. */
  carbonPricePerKg: nonNegative("carbon price, NOK per kg CO2e (0 = pure cost)").default(0),
  /**
   * Tonnes per truck load; flows are carried in whole loads. Source: a 4-axle tipper of 32 t gross
   * carries 17 t under the weight limits of the bruksforskriften; a tipper semi-trailer 30–37 t
   * (the Hamar project's loads were 36.8 t), DESIGN §5.
   */
  truckPayloadTonnes: z.number().positive("must be > 0").describe("truck payload, tonnes (DESIGN §5: 17)").default(17),
  /** Arcs longer than this are not allowed, km. */
  maxHaulKm: nonNegative("longest allowed haul, km").default(60),
  distanceMode: z.enum(["straight", "road", "osrm"]).describe("how distances are measured when `distances` is absent").default("straight"),
  /** Road km per straight-line km (DESIGN §5). */
  circuityFactor: z.number().min(1, "must be at least 1").describe("road km per straight-line km (DESIGN §5: 1.3)").default(defaultCircuityFactor),
  /** Objective units per tonne left unplaced; large, so that placing always wins where possible. */
  unplacedPenaltyPerTonne: nonNegative("penalty per tonne left unplaced, in objective units").default(100_000),
  /** `cost`: NOK (plus the carbon price); `co2`: kg only (transport CO2 and virgin-material CO2e). */
  objective: z.enum(["cost", "co2"]).describe("what to minimise").default("cost"),
  /**
   * Weeks acid-forming rock may stay in interim storage (DESIGN §8: 8 in today's practice;
   * Miljødirektoratet M-2105/2021). The plan counts whole month-ends: see acidStorageMonthEnds.
   */
  acidStorageWeeks: nonNegative(`longest interim storage of acid-forming rock, weeks (DESIGN §8: ${defaultAcidStorageWeeks})`).default(defaultAcidStorageWeeks),
  /** Site allocation (`massekart recommend`): at most this many candidate storage sites are allocated. */
  maxAllocatedSites: z.number().int("must be a whole number").nonnegative("must not be negative").describe("most candidate sites to allocate").optional(),
  /** Site allocation: the candidates allocated may cover at most this much land, m² (each candidate then needs `areaM2`). */
  maxAllocatedAreaM2: nonNegative("most land the allocated candidate sites may cover, m²").optional(),
});
export type MatchingParameters = z.output<typeof parametersSchema>;

const acceptsSchema = z.object({
  materials: z.array(materialSchema).min(1, "must list at least one material"),
  worstClass: contaminationClassSchema,
  /** Special masses the site is approved for (DESIGN §8); none when absent. */
  flags: specialFlagsSchema.optional(),
});

/** Ids and names: one line of text, no control characters. */
const idSchema = singleLineText().min(1, "must not be empty").max(200);

export const instanceLotSchema = z.object({
  id: idSchema,
  projectId: singleLineText().max(200).optional(),
  direction: z.enum(["surplus", "demand"]),
  /** Surplus: what it is; demand: what it needs. */
  material: materialSchema,
  /** Demand only: other materials it also takes. */
  acceptsMaterials: z.array(materialSchema).optional(),
  /** Surplus: its TA-2553 class; demand: the worst class it accepts. */
  contaminationClass: contaminationClassSchema,
  /**
   * Hazardous waste (farlig avfall), decided under avfallsforskriften kap. 11 and separate from the
   * TA-2553 class: goes only to landfills with `acceptsHazardous`. Surplus only.
   */
  hazardous: z.boolean().default(false),
  /** Surplus: special masses (DESIGN §8) — quick_clay, acid_forming, invasive_species; each goes only where it is accepted. */
  flags: specialFlagsSchema.default([]),
  /** Demand: the special masses it takes (never acid_forming: it is never reused as fill). */
  acceptsFlags: specialFlagsSchema.optional(),
  /** Demand: the lot lies on agricultural land, where topsoil with invasive species never goes (forskrift om fremmede organismer § 24). */
  agriculturalLand: z.boolean().optional(),
  /** Surplus: the permit or tiltaksplan that covers class ≥ 2 mass leaving the project or stored (DESIGN §8). */
  permit: lotPermitSchema.optional(),
  quantity: z.object({
    value: nonNegative("amount in `unit`").max(maxLotTonnes, `must be at most ${maxLotTonnes.toLocaleString("en-GB")}`),
    unit: z.enum(quantityUnits),
  }),
  window: monthWindowSchema,
  /** Relative amounts per month of the window (one number per instance month inside it); even when absent. */
  monthlyProfile: z.array(nonNegative("relative amount")).optional(),
  location: lonLatSchema.optional(),
});

const siteBase = {
  id: idSchema,
  name: singleLineText().max(200).optional(),
  location: lonLatSchema.optional(),
  window: monthWindowSchema.optional(),
};

export const storageSiteSchema = z.object({
  ...siteBase,
  kind: z.literal("storage"),
  capacityTonnes: nonNegative("most tonnes on the site at the end of any month").max(maxSiteCapacityTonnes, `must be at most ${maxSiteCapacityTonnes.toLocaleString("en-GB")} t`),
  accepts: acceptsSchema,
  /** One charge per tonne covering unloading, stockpiling and reloading, NOK (DESIGN §2). */
  handlingCostPerTonne: nonNegative("NOK per tonne entering storage").default(0),
  /** When true, mass may stay on the site after its window or the horizon ends. */
  keepsInventory: z.boolean().default(false),
  /**
   * A candidate site (DESIGN §9) is not allocated yet: `massekart recommend` decides whether to
   * allocate it. A site without `candidate` is already allocated.
   */
  candidate: z.boolean().default(false),
  /** A candidate's one-off cost when allocated: establishing, access, permits, restoring the land, NOK. */
  fixedCostNok: nonNegative("one-off cost when allocated (establishing, access, permits, restoring), NOK").optional(),
  /** A candidate's rent for each month of its window within the horizon, when allocated, NOK. */
  rentNokPerMonth: nonNegative("rent per month of the window when allocated, NOK").optional(),
  /** Forces a candidate in or out of the allocation. */
  allocation: z.enum(["required", "excluded"]).describe("force a candidate in or out").optional(),
  /** Land the site covers, m²: counts against `maxAllocatedAreaM2`, and with capacityTonnes gives the site's own t/m². */
  areaM2: z.number().positive("must be > 0").describe("land the site covers, m²").optional(),
});

export const landfillSiteSchema = z.object({
  ...siteBase,
  kind: z.literal("landfill"),
  /** NOK per tonne. Source: a Hamar tender, NOK 70,470 for 220 t ≈ 320 (DESIGN §5). */
  gateFeePerTonne: nonNegative(`NOK per tonne (DESIGN §5: ${defaultGateFeePerTonne})`).default(defaultGateFeePerTonne),
  /** Fees per class ("1"…"5") and for hazardous waste apart, NOK per tonne; a class without one pays gateFeePerTonne. */
  gateFees: gateFeesSchema.optional(),
  /** Tonnes it may receive over the whole horizon; unlimited when absent. */
  capacityTonnes: nonNegative("tonnes over the whole horizon").max(maxSiteCapacityTonnes, `must be at most ${maxSiteCapacityTonnes.toLocaleString("en-GB")} t`).optional(),
  /**
   * What it takes. A receiver that states nothing takes every material of class 1 only, and no
   * special masses (DESIGN §8: the safe default; before issue 17 it took every class).
   */
  accepts: acceptsSchema.optional(),
  /** Approved for hazardous waste (farlig avfall, avfallsforskriften kap. 11). Addition to DESIGN §7 (issue 4). */
  acceptsHazardous: z.boolean().default(false),
});

export const quarrySiteSchema = z.object({
  ...siteBase,
  kind: z.literal("quarry"),
  materials: z.array(materialSchema).min(1, "must list at least one material"),
  pricePerTonne: nonNegative("virgin material price, NOK per tonne"),
  kgCO2ePerTonne: nonNegative("virgin material emissions, kg CO2e per tonne"),
});

export const instanceSiteSchema = z.discriminatedUnion("kind", [storageSiteSchema, landfillSiteSchema, quarrySiteSchema]);

export const distanceSchema = z.object({
  from: idSchema,
  to: idSchema,
  km: nonNegative("haul distance, km"),
});

const instanceShape = z.object({
  /** The horizon: months in ascending order, "YYYY-MM". */
  months: z.array(monthSchema).max(1332, "must list at most 1332 months (1990-01…2100-12)"),
  parameters: parametersSchema.default(parametersSchema.parse({})),
  lots: z.array(instanceLotSchema),
  sites: z.array(instanceSiteSchema).default([]),
  /** When given, its pairs (either direction) are the only allowed arcs. */
  distances: z.array(distanceSchema).optional(),
});

/** The instance schema with the cross-field checks, each issue at the JSON path of the bad field. */
export const instanceSchema = instanceShape.superRefine((instance, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

  instance.months.forEach((month, i) => {
    const before = instance.months[i - 1];
    if (before !== undefined && month <= before) {
      issue(["months", i], `"${month}" must come after "${before}": list each month once, in order`);
    }
  });
  const first = instance.months[0];
  const last = instance.months.at(-1);

  const owners = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]) => {
    const other = owners.get(id);
    if (other) issue([...path, "id"], `"${id}" is used twice (also ${other}.id); ids must be unique across lots and sites`);
    else owners.set(id, formatIssuePath(path));
  };
  instance.lots.forEach((lot, i) => claim(lot.id, ["lots", i]));
  instance.sites.forEach((site, i) => claim(site.id, ["sites", i]));

  const needsLocation = instance.distances === undefined;
  instance.lots.forEach((lot, i) => {
    const at = (...rest: (string | number)[]) => ["lots", i, ...rest];
    if (first === undefined || last === undefined) {
      issue(at("window"), "the instance has no months; list the months of the horizon in `months`");
    } else {
      if (lot.window.from < first) issue(at("window", "from"), `"${lot.window.from}" is before the first month "${first}"`);
      if (lot.window.to > last) issue(at("window", "to"), `"${lot.window.to}" is after the last month "${last}"`);
      const inWindow = instance.months.filter((m) => m >= lot.window.from && m <= lot.window.to).length;
      if (inWindow === 0 && lot.window.from <= lot.window.to && lot.window.from >= first && lot.window.to <= last) {
        issue(at("window"), "covers none of the months in `months`");
      }
      if (lot.monthlyProfile && lot.monthlyProfile.length !== inWindow) {
        issue(at("monthlyProfile"), `has ${lot.monthlyProfile.length} numbers; the window covers ${inWindow} month(s) of \`months\``);
      } else if (lot.monthlyProfile && lot.quantity.value > 0 && lot.monthlyProfile.every((share) => share === 0)) {
        issue(at("monthlyProfile"), "is all zeros; give each month its relative amount");
      }
    }
    if (lot.direction === "surplus" && lot.acceptsMaterials) issue(at("acceptsMaterials"), "only demand lots take other materials");
    if (lot.direction === "demand" && lot.hazardous) issue(at("hazardous"), "only surplus lots can be hazardous");
    if (lot.direction === "demand" && lot.flags.length > 0) issue(at("flags"), "only surplus lots carry special-mass flags; a demand lot lists what it takes in acceptsFlags");
    if (lot.direction === "surplus" && lot.acceptsFlags) issue(at("acceptsFlags"), "only demand lots accept special masses");
    if (lot.direction === "surplus" && lot.agriculturalLand !== undefined) issue(at("agriculturalLand"), "only demand lots lie on land that receives mass");
    if (lot.direction === "demand" && lot.acceptsFlags?.includes("acid_forming")) issue(at("acceptsFlags"), "acid_forming rock is never reused as fill (DESIGN §8): only receivers take it");
    if (needsLocation && !lot.location) issue(at("location"), "is required when the instance has no `distances`");
  });
  instance.sites.forEach((site, i) => {
    if (needsLocation && !site.location) issue(["sites", i, "location"], "is required when the instance has no `distances`");
  });
  checkAllocation(instance, (path, m) => ctx.addIssue(customIssue(m, path)));

  instance.distances?.forEach((pair, i) => {
    for (const end of ["from", "to"] as const) {
      if (!owners.has(pair[end])) issue(["distances", i, end], `"${pair[end]}" is not the id of a lot or site`);
    }
  });
});

/**
 * The site-allocation fields (DESIGN §9, issue 11): a candidate needs its fixed cost; only
 * candidates are forced in or out; an area limit needs every candidate's area; and the limits must
 * leave room for the required sites and for at least one candidate.
 */
function checkAllocation(instance: z.output<typeof instanceShape>, issue: (path: (string | number)[], m: Message) => void): void {
  const { maxAllocatedSites, maxAllocatedAreaM2 } = instance.parameters;
  const candidates: { site: StorageSite; index: number }[] = [];
  const nameOf = (site: { id: string; name?: string | undefined }) => site.name ?? site.id;
  instance.sites.forEach((site, index) => {
    if (site.kind !== "storage") return;
    if (site.candidate) {
      candidates.push({ site, index });
      if (site.fixedCostNok === undefined) issue(["sites", index, "fixedCostNok"], message("validation.allocationFixedCost", { site: nameOf(site) }));
      if (maxAllocatedAreaM2 !== undefined && site.areaM2 === undefined) {
        issue(["sites", index, "areaM2"], message("validation.allocationAreaRequired", { site: nameOf(site) }));
      }
    } else if (site.allocation !== undefined) {
      issue(["sites", index, "allocation"], message("validation.allocationNotCandidate", { site: nameOf(site), allocation: site.allocation }));
    }
  });
  const open = candidates.filter(({ site }) => site.allocation !== "excluded");
  const required = candidates.filter(({ site }) => site.allocation === "required");
  const refs = (items: { index: number }[]) => items.map(({ index }) => `sites[${index}]`);
  const names = (items: { site: StorageSite }[]) => items.map(({ site }) => nameOf(site));
  if (maxAllocatedSites !== undefined) {
    if (required.length > maxAllocatedSites) {
      issue(
        ["parameters", "maxAllocatedSites"],
        message("validation.allocationRequiredOverMax", { max: maxAllocatedSites, count: required.length, sites: refs(required), names: names(required) }),
      );
    } else if (maxAllocatedSites === 0 && open.length > 0) {
      issue(["parameters", "maxAllocatedSites"], message("validation.allocationMaxSitesZero"));
    }
  }
  if (maxAllocatedAreaM2 !== undefined && open.every(({ site }) => site.areaM2 !== undefined)) {
    const requiredAreaM2 = required.reduce((sum, { site }) => sum + (site.areaM2 ?? 0), 0);
    const smallest = open.reduce<{ site: StorageSite; index: number } | undefined>((min, c) => (!min || (c.site.areaM2 ?? 0) < (min.site.areaM2 ?? 0) ? c : min), undefined);
    if (requiredAreaM2 > maxAllocatedAreaM2) {
      issue(
        ["parameters", "maxAllocatedAreaM2"],
        message("validation.allocationRequiredAreaOverMax", { maxM2: maxAllocatedAreaM2, requiredM2: requiredAreaM2, sites: refs(required), names: names(required) }),
      );
    } else if (smallest && (smallest.site.areaM2 ?? 0) > maxAllocatedAreaM2) {
      issue(
        ["parameters", "maxAllocatedAreaM2"],
        message("validation.allocationAreaExcludesAll", { maxM2: maxAllocatedAreaM2, smallestM2: smallest.site.areaM2 ?? 0, site: `sites[${smallest.index}]`, name: nameOf(smallest.site) }),
      );
    }
  }
}

export type Instance = z.output<typeof instanceSchema>;
/** What a client may send: defaults still absent. */
export type InstanceInput = z.input<typeof instanceSchema>;
export type InstanceLot = Instance["lots"][number];
export type InstanceSite = Instance["sites"][number];
export type StorageSite = z.output<typeof storageSiteSchema>;
export type LandfillSite = z.output<typeof landfillSiteSchema>;
export type QuarrySite = z.output<typeof quarrySiteSchema>;

export type FieldErrors = ApiError["error"]["fields"];

/** A JSON path as a planner reads it: `["lots", 3, "window", "from"]` → `lots[3].window.from`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** Messages for zod's built-in checks that name what was expected (schema-level messages win). */
const instanceErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_union": {
      // The only union is the site kind; its issue carries the whole site as input.
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      return `must be one of storage, landfill, quarry${kind === undefined ? "" : `, got ${JSON.stringify(kind)}`}`;
    }
    case "invalid_type":
      if (issue.input === undefined) return `is required (${issue.expected})`;
      if (issue.expected === "tuple") return "must be [longitude, latitude]";
      return `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
    case "too_small":
      return issue.origin === "number" ? `must be at least ${String(issue.minimum)}` : undefined;
    case "too_big":
      return issue.origin === "number" ? `must be at most ${String(issue.maximum)}` : undefined;
    default:
      return undefined;
  }
};

/** Result of reading an instance: the parsed value, or every problem by JSON path. */
export type ParsedInstance = { ok: true; instance: Instance } | { ok: false; fields: FieldErrors };

/**
 * Validates an instance. Each field error names its JSON path and, for a bad value, the value:
 * `lots[3].window.from: must be a month as YYYY-MM, got "2027-13"`.
 */
export function parseInstance(raw: unknown): ParsedInstance {
  const parsed = instanceSchema.safeParse(raw, { reportInput: true, error: instanceErrorMap });
  if (parsed.success) return { ok: true, instance: parsed.data };
  // zod still runs refinements over an object whose fields failed a format check; a cross-field
  // message about the same object (say, a window "after the last month" because its `from` is
  // "2027-13") would only repeat the first problem in a confusing way, so it is left out.
  const broken = parsed.error.issues.filter((issue) => issue.code !== "custom").map((issue) => formatIssuePath(issue.path.slice(0, -1)));
  const repeats = (path: string) => broken.some((prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));
  return {
    ok: false,
    fields: parsed.error.issues
      .filter((issue) => issue.code !== "custom" || !repeats(formatIssuePath(issue.path)))
      .map((issue) => {
      const input = (issue as { input?: unknown }).input;
      const shown = issue.code !== "custom" && isShownValue(input) ? `, got ${JSON.stringify(input)}` : "";
        return { path: formatIssuePath(issue.path), message: `${issue.message}${shown}`, ...issueMessage(issue) };
      }),
  };
}

function isShownValue(value: unknown): boolean {
  return (typeof value === "string" && value.length <= 80) || typeof value === "number" || typeof value === "boolean";
}

/** The instance JSON Schema (draft 2020-12) as a client writes it: fields with defaults are optional. */
export function instanceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(instanceSchema, { io: "input" }) as Record<string, unknown>;
}
