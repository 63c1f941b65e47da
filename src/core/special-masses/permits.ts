/**
 * Permits (DESIGN §8, issue 17 item 3): reusing masses of class ≥ 2 outside the project that dug
 * them, or storing them in between, needs a permit under forurensningsloven § 11, unless a
 * tiltaksplan approved under forurensningsforskriften kap. 2 covers it. Until the lot records one,
 * such flows are marked `needsPermit` in the result. Pure; the result reader and the summary use it.
 */
import { z } from "zod";
import { keyedRegex } from "../messages/zod-issues";

/** What a lot may record: a permit (tillatelse) or a tiltaksplan, with its reference and an end date. */
export const lotPermitSchema = z.object({
  kind: z.enum(["tillatelse", "tiltaksplan"]),
  /** The authority's case number or the plan's reference, e.g. "2026/1234". */
  reference: z.string().trim().min(1, "must name the permit or tiltaksplan (its case number or reference)").max(200),
  /** Last day it is valid, YYYY-MM-DD; without it, it has no end. */
  validTo: keyedRegex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "validation.date").optional(),
});
export type LotPermit = z.infer<typeof lotPermitSchema>;

/** The lowest class that needs a permit to leave its project or be stored: 2 (class 1 is "rene masser"). */
export const permitFromClass = 2;

/** A flow as the permit rule needs it. */
export interface PermitFlow {
  kind: "direct" | "to_storage" | "from_storage" | "to_landfill" | "virgin";
  /** "YYYY-MM". */
  month: string;
  contaminationClass: number;
  /** The project of the lot the tonnes come from (for direct flows), and of the lot they go to. */
  fromProjectId?: string | undefined;
  toProjectId?: string | undefined;
}

/**
 * Whether a flow needs a permit that its lot does not have (yet): class ≥ 2 into storage, or to a
 * demand lot of another project (direct, or out of storage), unless the lot's permit or
 * tiltaksplan covers the flow's month. Masses to a landfill (receiver) go under the receiver's own
 * permit; virgin material is clean. Masses out of storage carry the permit of the lot they came
 * from, so the caller passes that lot's permit.
 */
export function needsPermit(flow: PermitFlow, permit: LotPermit | undefined): boolean {
  if (flow.contaminationClass < permitFromClass) return false;
  if (flow.kind === "to_landfill" || flow.kind === "virgin") return false;
  if (flow.kind === "direct" && flow.fromProjectId !== undefined && flow.fromProjectId === flow.toProjectId) return false;
  return !permitCovers(permit, flow.month);
}

/** Whether a permit is in force in a month: recorded, and not ended before the month began. */
export function permitCovers(permit: LotPermit | undefined, month: string): boolean {
  if (!permit) return false;
  return permit.validTo === undefined || permit.validTo >= `${month}-01`;
}

/** Tonnes that need a permit, over flows marked by `needsPermit` (the scenario summary's count). */
export function tonnesNeedingPermit(flows: readonly { tonnes: number; needsPermit?: boolean }[]): number {
  return flows.reduce((sum, flow) => sum + (flow.needsPermit ? flow.tonnes : 0), 0);
}
