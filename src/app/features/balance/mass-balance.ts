/**
 * The municipality's mass balance per material and month: how many tonnes are dug out (surplus)
 * and needed (demand) each month. Pure. Each lot's tonnes are spread over the months of its
 * window — evenly, or by its monthly profile (DESIGN §1).
 */
import { materials, type Material } from "../../../core/domain/materials";
import { monthsBetween } from "../../../core/domain/months";
import { spreadTonnes } from "../../../core/domain/monthly-profile";
import type { Lot, Project } from "../../../core/domain/records";

export interface MonthTonnes {
  month: string;
  tonnes: number;
}

/** A lot's tonnes per month of its window, spread as the matching engine spreads them (`spreadTonnes`). */
export function lotMonthlyTonnes(lot: Pick<Lot, "tonnes" | "window" | "monthlyProfile">): MonthTonnes[] {
  const months = monthsBetween(lot.window.from, lot.window.to);
  const tonnes = spreadTonnes(lot.tonnes, months.length, lot.monthlyProfile);
  return months.map((month, i) => ({ month, tonnes: tonnes[i]! }));
}

/** One cell of the balance: a material in a month. */
export interface BalanceCell {
  month: string;
  material: Material;
  surplusTonnes: number;
  demandTonnes: number;
}

export interface MassBalance {
  /** Every month from the first to the last with any mass, none skipped. */
  months: string[];
  /** month × material, only cells with mass. */
  cells: BalanceCell[];
}

/** The balance of all lots of the projects (deleted projects and lots left out). */
export function massBalance(projects: readonly Project[]): MassBalance {
  const cells = new Map<string, BalanceCell>();
  for (const project of projects) {
    if (project.deletedAt !== null) continue;
    for (const lot of project.lots) {
      if (lot.deletedAt !== null) continue;
      for (const { month, tonnes } of lotMonthlyTonnes(lot)) {
        const id = `${month}|${lot.material}`;
        const cell = cells.get(id) ?? { month, material: lot.material, surplusTonnes: 0, demandTonnes: 0 };
        if (lot.direction === "surplus") cell.surplusTonnes += tonnes;
        else cell.demandTonnes += tonnes;
        cells.set(id, cell);
      }
    }
  }
  const sorted = [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || materials.indexOf(a.material) - materials.indexOf(b.material));
  const first = sorted[0]?.month;
  const last = sorted.at(-1)?.month;
  return { months: first && last ? monthsBetween(first, last) : [], cells: sorted };
}

/** One month of the chart: surplus, demand and their difference (positive = masses pile up). */
export interface BalanceRow {
  month: string;
  surplusTonnes: number;
  demandTonnes: number;
  netTonnes: number;
}

/** The chart's rows for one material or all: every month of the balance, zero where nothing happens. */
export function balanceRows(balance: MassBalance, material: Material | "all"): BalanceRow[] {
  const byMonth = new Map(balance.months.map((month) => [month, { month, surplusTonnes: 0, demandTonnes: 0, netTonnes: 0 }]));
  for (const cell of balance.cells) {
    if (material !== "all" && cell.material !== material) continue;
    const row = byMonth.get(cell.month);
    if (!row) continue;
    row.surplusTonnes += cell.surplusTonnes;
    row.demandTonnes += cell.demandTonnes;
    row.netTonnes = row.surplusTonnes - row.demandTonnes;
  }
  return [...byMonth.values()];
}

/** Materials that have any mass, in the usual order (for the selector). */
export function materialsInBalance(balance: MassBalance): Material[] {
  const present = new Set(balance.cells.map((cell) => cell.material));
  return materials.filter((m) => present.has(m));
}

/** Totals over all months of the rows. */
export function rowTotals(rows: readonly BalanceRow[]): { surplusTonnes: number; demandTonnes: number; netTonnes: number } {
  const surplusTonnes = rows.reduce((sum, r) => sum + r.surplusTonnes, 0);
  const demandTonnes = rows.reduce((sum, r) => sum + r.demandTonnes, 0);
  return { surplusTonnes, demandTonnes, netTonnes: surplusTonnes - demandTonnes };
}
