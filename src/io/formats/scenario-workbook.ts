// A scenario's result as an Excel workbook for the engineers' mass balances: a sheet per table
// (key figures beside the "no exchange" baseline, flows, stock per storage site and month, the
// highest stock, what could not be placed, and the solver's notes), numbers as numbers.
import type { Kpis, MatchResult } from "../../core/matching/result";
import { writeWorkbook, type SheetColumn, type SheetSpec } from "./workbook";

type Language = "nb" | "en";

/** Each key figure: its label, unit and how it is read from the KPIs (DESIGN §2 "Results"). */
const kpiRows: readonly { key: keyof Kpis; nb: string; en: string; unit: { nb: string; en: string }; read?: (kpis: Kpis) => number; format: string }[] = [
  { key: "tonnesSurplus", nb: "Overskudd", en: "Surplus", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesDemand", nb: "Behov", en: "Demand", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesReused", nb: "Gjenbrukt", en: "Reused", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "reuseRate", nb: "Gjenbruksandel", en: "Reuse rate", unit: { nb: "%", en: "%" }, read: (k) => k.reuseRate * 100, format: "0.0" },
  { key: "tonnesThroughStorage", nb: "Via mellomlager", en: "Through storage", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesToLandfill", nb: "Til deponi", en: "To landfill", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesVirgin", nb: "Jomfruelig masse kjøpt", en: "Virgin material bought", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesUnplacedSurplus", nb: "Overskudd ikke plassert", en: "Surplus not placed", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesUnplacedDemand", nb: "Behov ikke dekket", en: "Demand not met", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonnesInStorageAtEnd", nb: "På lager ved slutt", en: "In storage at the end", unit: { nb: "tonn", en: "t" }, format: "#,##0" },
  { key: "tonneKm", nb: "Transportarbeid", en: "Haul work", unit: { nb: "tonnkm", en: "t·km" }, format: "#,##0" },
  { key: "truckTrips", nb: "Lastebilturer", en: "Truck trips", unit: { nb: "turer", en: "trips" }, format: "#,##0" },
  { key: "vehicleKm", nb: "Kjørte km", en: "Vehicle km", unit: { nb: "km", en: "km" }, format: "#,##0" },
  { key: "kgCO2e", nb: "Utslipp", en: "Emissions", unit: { nb: "kg CO2e", en: "kg CO2e" }, format: "#,##0" },
  { key: "cost", nb: "Kostnad", en: "Cost", unit: { nb: "kr", en: "NOK" }, format: "#,##0" },
];

const words = {
  nb: {
    kpis: "Nøkkeltall", kpi: "Nøkkeltall", unit: "Enhet", plan: "Plan", baseline: "Uten utveksling", difference: "Plan − uten utveksling",
    status: "Status", objective: "Mål", flows: "Transporter", from: "Fra", fromName: "Fra (navn)", to: "Til", toName: "Til (navn)", month: "Måned",
    material: "Masse", contaminationClass: "Tilstandsklasse", kind: "Type", tonnes: "Tonn", km: "Km", tonneKm: "Tonnkm",
    inventory: "Lager per måned", site: "Lager", siteName: "Lager (navn)", peak: "Største lager", peakTonnes: "Største lager, tonn",
    unplaced: "Ikke plassert", lot: "Masseparti", direction: "Retning", months: "Måneder", reason: "Årsak", notes: "Merknader", note: "Merknad",
    error: "Feil",
  },
  en: {
    kpis: "KPIs", kpi: "Key figure", unit: "Unit", plan: "Plan", baseline: "No exchange", difference: "Plan − no exchange",
    status: "Status", objective: "Objective", flows: "Flows", from: "From", fromName: "From (name)", to: "To", toName: "To (name)", month: "Month",
    material: "Material", contaminationClass: "Contamination class", kind: "Kind", tonnes: "Tonnes", km: "Km", tonneKm: "Tonne-km",
    inventory: "Stock by month", site: "Site", siteName: "Site (name)", peak: "Peak stock", peakTonnes: "Peak stock, tonnes",
    unplaced: "Not placed", lot: "Lot", direction: "Direction", months: "Months", reason: "Reason", notes: "Notes", note: "Note",
    error: "Error",
  },
} as const;

export interface ScenarioWorkbookOptions {
  language?: Language;
  /** Names of lots and sites by id, for the "(name)" columns (default: the ids only). */
  names?: ReadonlyMap<string, string>;
}

const column = (key: string, header: string, numberFormat?: string, width?: number): SheetColumn => ({ key, header, ...(numberFormat ? { numberFormat } : {}), ...(width ? { width } : {}) });

/** The sheets of a matching result (see `writeScenarioWorkbook`). */
export function scenarioWorkbookSheets(result: MatchResult, { language = "nb", names = new Map() }: ScenarioWorkbookOptions = {}): SheetSpec[] {
  const w = words[language];
  if (result.status === "error") {
    return [
      { name: w.status, columns: [column("status", w.status, undefined, 12), column("message", w.error, undefined, 80)], rows: [{ status: "error", message: result.message }] },
      { name: w.notes, columns: [column("note", w.note, undefined, 100)], rows: result.warnings.map((note) => ({ note })) },
    ];
  }
  const nameOf = (id: string) => names.get(id) ?? null;
  const kpiSheet: SheetSpec = {
    name: w.kpis,
    columns: [column("kpi", w.kpi, undefined, 28), column("unit", w.unit, undefined, 10), column("plan", w.plan, "#,##0.0", 16), column("baseline", w.baseline, "#,##0.0", 16), column("difference", w.difference, "#,##0.0", 22)],
    rows: [
      { kpi: w.status, unit: null, plan: result.status, baseline: null, difference: null },
      { kpi: w.objective, unit: null, plan: result.objectiveKind, baseline: null, difference: null },
      ...kpiRows.map((row) => {
        const read = row.read ?? ((kpis: Kpis) => kpis[row.key] as number);
        const plan = read(result.kpis);
        const baseline = read(result.baseline.kpis);
        return { kpi: row[language], unit: row.unit[language], plan, baseline, difference: plan - baseline };
      }),
    ],
  };
  const flowSheet: SheetSpec = {
    name: w.flows,
    columns: [
      column("from", w.from, undefined, 14), column("fromName", w.fromName, undefined, 28), column("to", w.to, undefined, 14), column("toName", w.toName, undefined, 28),
      column("month", w.month, undefined, 10), column("material", w.material, undefined, 14), column("contaminationClass", w.contaminationClass, "0", 8),
      column("kind", w.kind, undefined, 14), column("tonnes", w.tonnes, "#,##0.0", 12), column("km", w.km, "0.00", 8), column("tonneKm", w.tonneKm, "#,##0", 12),
    ],
    rows: result.flows.map((flow) => ({
      from: flow.from, fromName: nameOf(flow.from), to: flow.to, toName: nameOf(flow.to), month: flow.month, material: flow.material,
      contaminationClass: flow.contaminationClass, kind: flow.kind, tonnes: flow.tonnes, km: flow.km, tonneKm: flow.tonnes * flow.km,
    })),
  };
  const inventorySheet: SheetSpec = {
    name: w.inventory,
    columns: [column("site", w.site, undefined, 14), column("siteName", w.siteName, undefined, 28), column("month", w.month, undefined, 10), column("tonnes", w.tonnes, "#,##0.0", 12)],
    rows: result.inventory.map((point) => ({ site: point.siteId, siteName: nameOf(point.siteId), month: point.month, tonnes: point.tonnes })),
  };
  const peakSheet: SheetSpec = {
    name: w.peak,
    columns: [column("site", w.site, undefined, 14), column("siteName", w.siteName, undefined, 28), column("peakTonnes", w.peakTonnes, "#,##0.0", 18)],
    rows: Object.entries(result.kpis.peakInventoryTonnes).map(([site, tonnes]) => ({ site, siteName: nameOf(site), peakTonnes: tonnes })),
  };
  const unplacedSheet: SheetSpec = {
    name: w.unplaced,
    columns: [column("lot", w.lot, undefined, 14), column("lotName", `${w.lot} (${language === "nb" ? "navn" : "name"})`, undefined, 28), column("direction", w.direction, undefined, 10), column("tonnes", w.tonnes, "#,##0.0", 12), column("months", w.months, undefined, 24), column("reason", w.reason, undefined, 80)],
    rows: result.unplaced.map((entry) => ({ lot: entry.lotId, lotName: nameOf(entry.lotId), direction: entry.direction, tonnes: entry.tonnes, months: entry.months.join(", "), reason: entry.reason })),
  };
  const notesSheet: SheetSpec = { name: w.notes, columns: [column("note", w.note, undefined, 100)], rows: result.warnings.map((note) => ({ note })) };
  return [kpiSheet, flowSheet, inventorySheet, peakSheet, unplacedSheet, notesSheet];
}

/**
 * A scenario's result as an .xlsx workbook, one sheet per table: key figures (plan, "no exchange"
 * baseline, difference, with units), flows, stock per site and month, peak stock, what was not
 * placed, and notes. A failed solve gives its status and message.
 */
export function writeScenarioWorkbook(result: MatchResult, options: ScenarioWorkbookOptions = {}): Promise<Uint8Array> {
  return writeWorkbook(scenarioWorkbookSheets(result, options));
}
