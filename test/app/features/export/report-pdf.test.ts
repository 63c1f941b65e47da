import { describe, expect, it } from "vitest";
import { formatCompareValue, kpiCompareRows } from "../../../../src/app/features/compare/kpi-table";
import { endpointIndex } from "../../../../src/app/features/export/endpoints";
import { comparisonReport, scenarioReport, type ReportContext } from "../../../../src/app/features/export/report-model";
import { pdfSafe, reportPdf } from "../../../../src/app/features/export/report-pdf";
import { normalise, pdfText } from "../../../support/pdf-text";
import { formatKpi, kpiRows } from "../../../../src/app/features/results/kpi-rows";
import { lot, project, site } from "../../../support/record-fixtures";
import { entry, recommendation } from "../../../support/scenario-fixtures";

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

  it("writes the site-allocation section in bokmål: allocated sites with fixed cost and rent, proof, site values, curve and area need, æøå intact", async () => {
    const withRecommendation = { ...withLahell, recommendation: recommendation(withLahell) };
    const { text } = await pdfText(reportPdf(scenarioReport(withRecommendation, context("nb"))).output("arraybuffer"));
    expect(text).toContain("Hvilke lagerplasser skal avsettes");
    expect(text).toContain("Anbefalt 27. november 2026 kl. 10:31 av planner");
    expect(text).toContain("Bevist optimal (gap 0 %).");
    expect(text).not.toContain("får likevel ikke plass");
    expect(text).toContain("Anbefalte lagerplasser (1): Sætre industriområde");
    // The allocated site's fixed cost and rent, and their sum.
    expect(text).toMatch(/Sætre industriområde 3 928 000 kr 3 628 800 kr 7 556 800 kr/);
    expect(text).toMatch(/Sum 3 928 000 kr 3 628 800 kr 7 556 800 kr/);
    // Site values, ranked as the engine ranks them, each with its unit and sign.
    expect(text).toMatch(/Verdien av hver kandidat.*Sætre industriområde Avsatt \+2 345 678 kr \+15,5 t CO2e -12 000 t.*Vettre grustak Utelatt \+812 000 kr -2,4 t CO2e \+1 500 t.*Spikkestad næringspark Utelatt \(over grensen\) \+1 250 000 kr \+0,3 t CO2e 0 t/s);
    // The curve, the recommended point marked.
    expect(text).toContain("Beste plan med 0, 1, 2 ... lagerplasser");
    expect(text).toMatch(/1 \(anbefalt\) 11 654 322 kr 394,5 t CO2e 58 % Sætre industriområde/);
    expect(text).toMatch(/2 12 466 322 kr 392,1 t CO2e 60 % Sætre industriområde, Vettre grustak/);
    // The area need per month, m².
    expect(text).toContain("Lagerareal som trengs per måned");
    expect(text).toContain("Høyeste behov: 3 450 m² i 2027-02");
    expect(text).toMatch(/2027-02 2 000 m² 1 450 m² 3 450 m²/);
    // Without a recommendation the section is not there.
    const plain = await pdfText(reportPdf(scenarioReport(withLahell, context("nb"))).output("arraybuffer"));
    expect(plain.text).not.toContain("Hvilke lagerplasser skal avsettes");
  });

  it("says in English when the allocation is the best found but not proven, and how many tonnes cannot be placed; a comparison names the scenario", async () => {
    const stopped = { ...withLahell, recommendation: recommendation(withLahell, { status: "time_limit", proven: false, gap: 0.0125, unplacedTonnes: 321.5 }) };
    const { text } = await pdfText(reportPdf(comparisonReport([stopped, withoutLahell], context("en"))).output("arraybuffer"));
    expect(text).toContain("Which sites to allocate: Med Lahell");
    expect(text).not.toContain("Which sites to allocate: Uten Lahell");
    expect(text).toContain("Best allocation found, not proven optimal: the time limit stopped the search (gap 1.25 %).");
    expect(text).toContain("Still, 322 t cannot be placed (lots: 1) - see the list.");
    expect(text).toMatch(/Sætre industriområde Allocated \+2,345,678 NOK \+15.5 t CO2e -12,000 t/);
    expect(text).toContain("Peak need: 3,450 m² in 2027-02");
  });

  it("maps characters Helvetica lacks and keeps Latin-1 ones", () => {
    expect(pdfSafe("−5 t CO₂e – æøå ÆØÅ ★")).toBe("-5 t CO2e - æøå ÆØÅ *");
  });
});
