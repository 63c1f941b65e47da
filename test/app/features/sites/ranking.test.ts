import { describe, expect, it } from "vitest";
import type { SuitabilityReport, Verdict } from "../../../../src/core/suitability/report";
import { nextSort, sortRanking } from "../../../../src/app/features/sites/ranking";
import type { RankingItem } from "../../../../src/app/api/client";

function item(name: string, verdict: Verdict | null, capacityTonnes = 0, meanHaulKm: number | null = null, tonneKm = 0): RankingItem {
  const base = { siteId: name, name, kind: "storage" as const, status: "candidate" as const };
  if (verdict === null) return { ...base, problem: "edges cross" };
  return { ...base, report: { verdict, capacityTonnes, meanHaulKm, haul: { lots: 1, tonnes: 1, tonneKm, unreachable: [] } } as unknown as SuitabilityReport };
}

const items = [
  item("C", "unsuitable", 90_000, 4, 400),
  item("A", "suitable", 10_000, 9, 900),
  item("X", null),
  item("B", "conditional", 50_000, null, 0),
  item("D", "suitable", 30_000, 2, 200),
];
const names = (list: RankingItem[]) => list.map((i) => i.name).join("");

describe("ranking sort", () => {
  it("by verdict puts suitable first, ties by the larger capacity, unrated last", () => {
    expect(names(sortRanking(items, { key: "verdict", direction: "ascending" }))).toBe("DABCX");
    expect(names(sortRanking(items, { key: "verdict", direction: "descending" }))).toBe("CBDAX");
  });

  it("by capacity, largest first by default; missing values last either way", () => {
    expect(names(sortRanking(items, nextSort({ key: "verdict", direction: "ascending" }, "capacity")))).toBe("CBDAX");
    expect(names(sortRanking(items, { key: "capacity", direction: "ascending" }))).toBe("ADBCX");
  });

  it("by mean haul and tonne-km, shortest first; a site without lots (null haul) after the rated ones", () => {
    expect(names(sortRanking(items, { key: "meanHaul", direction: "ascending" }))).toBe("DCABX");
    expect(names(sortRanking(items, { key: "tonneKm", direction: "ascending" }))).toBe("BDCAX");
  });

  it("flips the direction when the same column is clicked again", () => {
    expect(nextSort({ key: "meanHaul", direction: "ascending" }, "meanHaul")).toEqual({ key: "meanHaul", direction: "descending" });
  });

  it("does not change its input", () => {
    const copy = [...items];
    sortRanking(items, { key: "name", direction: "descending" });
    expect(items).toEqual(copy);
  });
});
