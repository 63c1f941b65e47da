/**
 * Where each scenario's masses go, as bars on one shared scale: the comparison's charts, the
 * meeting slides and the PDF all draw these. Pure.
 */
import type { Kpis } from "../../../core/matching/result";

export const massBarKeys = ["reused", "landfill", "virgin", "storage"] as const;
export type MassBarKey = (typeof massBarKeys)[number];

export type MassBars = Record<MassBarKey, number>;

export function massBars(kpis: Pick<Kpis, "tonnesReused" | "tonnesToLandfill" | "tonnesVirgin" | "tonnesThroughStorage">): MassBars {
  return { reused: kpis.tonnesReused, landfill: kpis.tonnesToLandfill, virgin: kpis.tonnesVirgin, storage: kpis.tonnesThroughStorage };
}

/** The top of the shared axis: the largest bar of any scenario, rounded up to a readable step (≥ 1). */
export function sharedMaxTonnes(bars: readonly MassBars[]): number {
  const max = Math.max(1, ...bars.flatMap((b) => massBarKeys.map((k) => b[k])));
  const step = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * step).find((v) => v >= max)!;
  return nice;
}

/** Colours of the bars: reused green, landfill red, virgin amber, storage blue (distinct also in greyscale by order and label). */
export const massBarColours: Readonly<Record<MassBarKey, string>> = {
  reused: "#1b7f4b",
  landfill: "#b3261e",
  virgin: "#b26b00",
  storage: "#1c6e8c",
};
