/** The ranking table's order — pure: by verdict, capacity, mean haul or tonne-km, each way. */
import type { Verdict } from "../../../core/suitability/report";
import type { RankingItem } from "../../api/client";

export const rankingSortKeys = ["verdict", "name", "capacity", "meanHaul", "tonneKm"] as const;
export type RankingSortKey = (typeof rankingSortKeys)[number];

export interface RankingSort {
  key: RankingSortKey;
  direction: "ascending" | "descending";
}

/** Best first: suitable, conditional, unsuitable; a site that could not be rated last. */
const verdictRank: Readonly<Record<Verdict, number>> = { suitable: 0, conditional: 1, unsuitable: 2 };

/** The direction a column sorts in when first clicked: the "best" end first. */
export function defaultDirection(key: RankingSortKey): RankingSort["direction"] {
  return key === "capacity" ? "descending" : "ascending";
}

/** The sort after a click on a column header: the same column flips, a new one starts at its default. */
export function nextSort(current: RankingSort, key: RankingSortKey): RankingSort {
  if (current.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { key, direction: defaultDirection(key) };
}

function value(item: RankingItem, key: RankingSortKey): number | string | null {
  const report = item.report;
  switch (key) {
    case "name":
      return item.name;
    case "verdict":
      return report ? verdictRank[report.verdict] : null;
    case "capacity":
      return report ? report.capacityTonnes : null;
    case "meanHaul":
      return report?.meanHaulKm ?? null;
    case "tonneKm":
      return report ? report.haul.tonneKm : null;
  }
}

/**
 * The items sorted; missing values (no report, no lots) always go last whatever the direction,
 * and ties keep a stable order by verdict, then capacity (largest first), then name.
 */
export function sortRanking(items: readonly RankingItem[], sort: RankingSort): RankingItem[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const compareBy = (a: RankingItem, b: RankingItem, key: RankingSortKey, dir: number): number => {
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    if (typeof va === "string" || typeof vb === "string") return dir * String(va).localeCompare(String(vb), "nb");
    return dir * (va - vb);
  };
  return [...items].sort(
    (a, b) =>
      compareBy(a, b, sort.key, sign) ||
      compareBy(a, b, "verdict", 1) ||
      compareBy(a, b, "capacity", -1) ||
      compareBy(a, b, "name", 1),
  );
}
