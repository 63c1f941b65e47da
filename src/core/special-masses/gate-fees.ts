/**
 * Gate fees per class (issue 17 item 2): a receiver (landfill, mottak) may price each TA-2553
 * class on its own, and hazardous waste (farlig avfall, avfallsforskriften kap. 11) apart. A
 * receiver that states nothing takes class 1 only, with no flags (DESIGN §8): the safe default.
 */
import { z } from "zod";

/**
 * NOK per tonne at a receiver when it gives no fee: 320, from a Hamar tender (NOK 70,470 for 220 t
 * of clean masses, DESIGN §5). The one cited figure: a class without its own fee is charged this.
 */
export const defaultGateFeePerTonne = 320;

const fee = z.number().nonnegative("must not be negative").max(100_000, "must be at most NOK 100 000 per tonne");

/** A receiver's fees: one per class it prices, and the fee for hazardous waste if it takes it. */
export const gateFeesSchema = z
  .object({
    byClass: z.partialRecord(z.enum(["1", "2", "3", "4", "5"]), fee).default({}),
    hazardous: fee.optional(),
  })
  .strict();
export type GateFees = z.infer<typeof gateFeesSchema>;

/**
 * The fee for a tonne of `contaminationClass` at a receiver: its fee for that class, else its flat
 * fee (`gateFeePerTonne`), else the default. Whether the receiver takes the class at all is its
 * `accepts`, not its fees. Hazardous waste has only its own fee: undefined when the receiver gives
 * none (and then it takes none).
 */
export function gateFeeFor(
  fees: GateFees | undefined,
  contaminationClass: number,
  { hazardous = false, flatFeePerTonne = defaultGateFeePerTonne }: { hazardous?: boolean; flatFeePerTonne?: number } = {},
): number | undefined {
  if (hazardous) return fees?.hazardous;
  return fees?.byClass[String(contaminationClass) as keyof GateFees["byClass"]] ?? flatFeePerTonne;
}

/** What a receiver takes when it states nothing: class 1, no flags, nothing hazardous (DESIGN §8). */
export const receiverDefaultAccepts = { worstClass: 1, flags: [] as const, hazardous: false } as const;
