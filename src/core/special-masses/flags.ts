/**
 * Special masses (DESIGN §8, issue 17 item 1): flags on a lot and the rules of where a flagged lot
 * may go. Pure; the matching's arcs (build-model.ts), its unplaced reasons and the registry call
 * these, so each rule is written once.
 *
 * - A flagged lot goes only to a site (storage or receiver) that lists every one of its flags in
 *   `accepts.flags`, and to a demand lot only if that lot lists them in `acceptsFlags`.
 * - `quick_clay` (kvikkleire): never to storage.
 * - `acid_forming` (alunskifer, svartskifer and other potentially acid-forming rock): ordinary
 *   waste, not hazardous, but only to receivers with a specific approval (alum shale also needs
 *   one from DSA); kept apart from other masses; never reused as fill (never to a demand lot);
 *   stored at a site that lists it for at most `acidStorageWeeks` (8 weeks in today's practice).
 *   Sources: Miljødirektoratet M-310/2015 (identifying acid-forming rock), M-385 (depositing it),
 *   M-2105/2021 (NGI: handling potentially acid-forming black shale).
 * - `invasive_species` (fremmede arter in topsoil): only to receivers or demand lots that accept
 *   it, never to agricultural land (forskrift om fremmede organismer § 24).
 */
import { z } from "zod";
import { englishText, message, type Message } from "../messages/message";
import { refineWith } from "../messages/zod-issues";

export const specialFlags = ["quick_clay", "acid_forming", "invasive_species"] as const;
export type SpecialFlag = (typeof specialFlags)[number];
export const specialFlagSchema = z.enum(specialFlags, { error: `must be one of ${specialFlags.join(", ")}` });
/** A list of flags: each at most once. */
export const specialFlagsSchema = z
  .array(specialFlagSchema)
  .refine((flags) => new Set(flags).size === flags.length, refineWith(message("validation.flagTwice")));

/**
 * Interim storage of acid-forming rock, weeks: 8 in today's practice (DESIGN §8; Miljødirektoratet
 * M-2105/2021 advises short interim storage, covered, with the runoff collected). A setting.
 */
export const defaultAcidStorageWeeks = 8;

/** Days in an average month (365.25 ÷ 12), to turn weeks into months of the plan. */
const daysPerMonth = 365.25 / 12;

/**
 * The most month-ends acid-forming rock may stay in storage, in the plan's whole months. The
 * matching counts stock at each month's end; a mass that arrives in one month and leaves the next
 * is stock at one month-end. 8 weeks (56 days) is 1.8 months, so 1 month-end: in this month, out
 * the next. 4 weeks: 0 (in and out within the month).
 */
export function acidStorageMonthEnds(weeks: number = defaultAcidStorageWeeks): number {
  if (!(weeks > 0)) return 0;
  return Math.floor((weeks * 7) / daysPerMonth);
}

/** Where a flagged lot's tonnes would go. */
export type FlagDestination =
  | { kind: "storage"; acceptsFlags: readonly SpecialFlag[] }
  | { kind: "landfill"; acceptsFlags: readonly SpecialFlag[] }
  | { kind: "demand"; acceptsFlags: readonly SpecialFlag[]; agriculturalLand?: boolean };

/** Why an arc is refused, as a key (for words in the UI) with the flag it is about. */
export type FlagRefusal =
  | { reason: "not_accepted"; flag: SpecialFlag }
  | { reason: "quick_clay_storage"; flag: "quick_clay" }
  | { reason: "acid_forming_reuse"; flag: "acid_forming" }
  | { reason: "invasive_agricultural"; flag: "invasive_species" };

/** The contract of a refusal, as results carry it. */
export const flagRefusalSchema = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("not_accepted"), flag: specialFlagSchema }),
  z.object({ reason: z.literal("quick_clay_storage"), flag: z.literal("quick_clay") }),
  z.object({ reason: z.literal("acid_forming_reuse"), flag: z.literal("acid_forming") }),
  z.object({ reason: z.literal("invasive_agricultural"), flag: z.literal("invasive_species") }),
]);

/**
 * Whether a lot with `flags` may go to `to`, or the first rule that forbids it. A lot without
 * flags goes wherever its material and class allow (that check is the matching's).
 */
export function flagRefusal(flags: readonly SpecialFlag[], to: FlagDestination): FlagRefusal | undefined {
  for (const flag of flags) {
    if (flag === "quick_clay" && to.kind === "storage") return { reason: "quick_clay_storage", flag };
    if (flag === "acid_forming" && to.kind === "demand") return { reason: "acid_forming_reuse", flag };
    if (flag === "invasive_species" && to.kind === "demand" && to.agriculturalLand) return { reason: "invasive_agricultural", flag };
    if (!to.acceptsFlags.includes(flag)) return { reason: "not_accepted", flag };
  }
  return undefined;
}

/** A refusal as a message: the rule, naming the flag (unplaced reasons and warnings). */
export function flagRefusalMessage(refusal: FlagRefusal): Message {
  return message(`unplaced.flagRefusal.${refusal.reason}`, { flag: message(`specialFlag.${refusal.flag}`) });
}

/** English words for a refusal, as unplaced reasons and warnings say them. */
export function flagRefusalText(refusal: FlagRefusal): string {
  return englishText(flagRefusalMessage(refusal));
}

/**
 * Whether a land use is agricultural land for the invasive-species rule: 5000/5001 (landbruk-,
 * natur- og friluftsformål samt reindrift: taken as farmland, the safe reading), 5100 (LNFR for
 * landbruk), 5110–5115 (landbruksformål, jordbruk, skogbruk, seter, gartneri, pelsdyr); not 5120
 * naturformål, 5130 friluftsformål or 5140 reindrift. Also any zone with hensyn landbruk (510).
 * Codes from the national KpArealformål/RpArealformål lists (data/codelists).
 */
export function isAgriculturalLand({ arealformaal, hensyn }: { arealformaal?: number; hensyn?: readonly number[] }): boolean {
  if (arealformaal !== undefined && (arealformaal === 5000 || arealformaal === 5001 || (arealformaal >= 5100 && arealformaal <= 5115))) return true;
  return (hensyn ?? []).includes(510);
}

/**
 * Flags from a CSV cell: `;`-separated (the lot CSV's `flags` column), Norwegian names accepted.
 * An unknown word is an error naming it.
 */
export function parseFlagsCell(cell: string): { ok: true; flags: SpecialFlag[] } | { ok: false; problem: Message } {
  const words = cell
    .split(";")
    .map((word) => word.trim())
    .filter((word) => word !== "");
  const flags: SpecialFlag[] = [];
  for (const word of words) {
    const flag = flagByWord.get(word.toLowerCase().replace(/[\s_-]/g, ""));
    if (!flag) return { ok: false, problem: message("csv.badFlag", { value: word, values: specialFlags }) };
    if (!flags.includes(flag)) flags.push(flag);
  }
  return { ok: true, flags };
}

const flagByWord = new Map<string, SpecialFlag>([
  ...specialFlags.map((flag): [string, SpecialFlag] => [flag.replace(/_/g, ""), flag]),
  ["kvikkleire", "quick_clay"],
  ["alunskifer", "acid_forming"],
  ["svartskifer", "acid_forming"],
  ["syredannende", "acid_forming"],
  ["syredannendebergart", "acid_forming"],
  ["fremmedearter", "invasive_species"],
  ["fremmedart", "invasive_species"],
]);
