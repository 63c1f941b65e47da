/**
 * The slides of Presentation mode and how the keys move between them. Pure.
 */
import { materials, type Material } from "../../../core/domain/materials";
import type { Project } from "../../../core/domain/records";

export type Slide =
  | { kind: "overview" }
  | { kind: "scenario"; entryIndex: number }
  | { kind: "noScenarios" }
  | { kind: "comparison" }
  | { kind: "allocation"; recommendationIndex: number }
  | { kind: "sites" };

/**
 * Overview, one slide per scenario with a result, the comparison (with two or more), "Which sites
 * to allocate" per scenario with a site-allocation recommendation (issue 11), the sites.
 */
export function buildSlides(scenarioCount: number, recommendationCount = 0): Slide[] {
  const scenarios: Slide[] =
    scenarioCount === 0 && recommendationCount === 0
      ? [{ kind: "noScenarios" }]
      : Array.from({ length: scenarioCount }, (_, entryIndex) => ({ kind: "scenario", entryIndex }));
  const allocations: Slide[] = Array.from({ length: recommendationCount }, (_, recommendationIndex) => ({ kind: "allocation", recommendationIndex }));
  return [{ kind: "overview" }, ...scenarios, ...(scenarioCount >= 2 ? [{ kind: "comparison" } as const] : []), ...allocations, { kind: "sites" }];
}

/**
 * The slide a key leads to, or null when the key is not a slide key. Clickers send PageDown /
 * PageUp; Space and the arrows work on a keyboard. Stops at both ends.
 */
export function slideAfterKey(current: number, count: number, key: string, shiftKey = false): number | null {
  const last = Math.max(0, count - 1);
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return Math.min(last, current + 1);
    case " ":
      return shiftKey ? Math.max(0, current - 1) : Math.min(last, current + 1);
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return Math.max(0, current - 1);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

export interface MaterialTotal {
  material: Material;
  surplusTonnes: number;
  demandTonnes: number;
}

/** Surplus and demand per material over all live lots, with the grand total; materials without mass left out. */
export function materialTotals(projects: readonly Project[]): { rows: MaterialTotal[]; total: { surplusTonnes: number; demandTonnes: number } } {
  const byMaterial = new Map<Material, MaterialTotal>();
  for (const project of projects) {
    if (project.deletedAt !== null) continue;
    for (const lot of project.lots) {
      if (lot.deletedAt !== null) continue;
      const row = byMaterial.get(lot.material) ?? { material: lot.material, surplusTonnes: 0, demandTonnes: 0 };
      if (lot.direction === "surplus") row.surplusTonnes += lot.tonnes;
      else row.demandTonnes += lot.tonnes;
      byMaterial.set(lot.material, row);
    }
  }
  const rows = materials.flatMap((m) => byMaterial.get(m) ?? []);
  return {
    rows,
    total: {
      surplusTonnes: rows.reduce((s, r) => s + r.surplusTonnes, 0),
      demandTonnes: rows.reduce((s, r) => s + r.demandTonnes, 0),
    },
  };
}
