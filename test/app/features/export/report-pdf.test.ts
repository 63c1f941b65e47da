import { describe, expect, it } from "vitest";
import { formatCompareValue, kpiCompareRows } from "../../../../src/app/features/compare/kpi-table";
import { endpointIndex } from "../../../../src/app/features/export/endpoints";
import { comparisonReport, scenarioReport, type ReportContext } from "../../../../src/app/features/export/report-model";
import { pdfSafe, reportPdf } from "../../../../src/app/features/export/report-pdf";
import { normalise, pdfText } from "../../../support/pdf-text";
import { formatKpi, kpiRows } from "../../../../src/app/features/results/kpi-rows";
import { lot, project, site } from "../../../support/record-fixtures";
import { entry } from "../../../support/scenario-fixtures";

const projects = [
  project({ id: "P1", name: "Sætre sentrum", lots: [lot({ id: "L1" }), lot({ id: "L3", material: "clay_silt" })] }),
  project({ id: "P2", name: "Øvre Ask", location: { type: "Point", coordinates: [10.5, 59.7] }, lots: [lot({ id: "L2", direction: "demand" })] }),
];
const sites = [site({ id: "S1", name: "Lahell mellomlager", capacityTonnes: 50_000 }), site({ id: "LF1", name: "Deponi Hurum", kind: "landfill" })];
const context = (lang: "nb" | "en"): ReportContext => ({
  lang,
  user: "viewer",
  generatedAt: new Date("2026-11-27T10:00:00Z"),
  sites,
  ranking: [{ siteId: "S1", name: "Lahell mellomlager", kind: "storage", status: "candidate", problem: "no zoning" }],
  endpoints: endpointIndex(projects, sites),
});
const withLahell = entry("A", "Med Lahell");
const withoutLahell = entry("B", "Uten Lahell", { tonneKm: 61_000.4, reuseRate: 0.55, cost: 1_300_000 }, ["LF1"]);

describe("the PDF report", () => {
  it("writes a scenario's KPIs as the UI shows them, its sites, flows, parameters with sources and æøå in bokmål", async () => {
    const bytes = reportPdf(scenarioReport(withLahell, context("nb"))).output("arraybuffer");
    expect(new TextDecoder().decode(new Uint8Array(bytes, 0, 5))).toBe("%PDF-");
    const { text } = await pdfText(bytes);
    expect(text).toContain("Massekart - rapport for scenario «Med Lahell»");
    expect(text).toContain("Nøkkeltall");
    for (const row of kpiRows(withLahell.result, "nb")) {
      const shown = formatKpi(row, "nb");
      expect(text).toContain(normalise(row.label));
      expect(text).toContain(normalise(shown.value));
      expect(text).toContain(normalise(shown.baseline));
    }
    expect(text).toContain("Sætre sentrum");
    expect(text).toContain("Øvre Ask");
    expect(text).toMatch(/æ.*ø|ø.*æ/);
    expect(text).toContain("å");
    expect(text).toContain("Lahell mellomlager");
    expect(text).toContain("Parametre og kilder");
    expect(text).toContain("Miljødirektoratet");
    expect(text).toContain("De 4 største av 4 strømmer");
    expect(text).toContain("kjørt 27. november 2026 kl. 10:00 av planner");
    expect(text).toContain("Laget 27. november 2026 kl. 11:00 av viewer");
    expect(text).toContain("Side 1 av");
  });

  it("writes a comparison with the best value marked and signed differences, in English", async () => {
    const doc = reportPdf(comparisonReport([withLahell, withoutLahell], context("en")));
    const { text } = await pdfText(doc.output("arraybuffer"));
    expect(text).toContain("Massekart - scenarios compared");
    const rows = kpiCompareRows([withLahell.result, withoutLahell.result], "en");
    const tonneKm = rows.find((r) => r.key === "tonneKm")!;
    expect(text).toContain(`* ${normalise(formatCompareValue(tonneKm, 0, "en"))}`);
    expect(text).toContain(`${normalise(formatCompareValue(tonneKm, 1, "en"))} (+6,679 tkm)`);
    expect(text).toContain("Uten Lahell");
    expect(text).toContain("Where the masses go, tonnes");
    expect(text).toContain("Mass flows: Uten Lahell");
  });

  it("maps characters Helvetica lacks and keeps Latin-1 ones", () => {
    expect(pdfSafe("−5 t CO₂e – æøå ÆØÅ ★")).toBe("-5 t CO2e - æøå ÆØÅ *");
  });
});
