// The zoning import dialog with a GeoPackage (format told, layers offered, one chosen, imported)
// and the map-data and workbook exports of a scenario, each download read back by GDAL's ogr2ogr
// and by Massekart's own readers (issue 13, phase 2), in Chromium.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ZoningArea } from "../../src/core/domain/records";
import { readVectorFile } from "../../src/io/formats/read-vector-file";
import { readSheetTable } from "../../src/io/formats/workbook";
import { gdalFeatures, gdalLayerEpsg, gdalLayers, scratch } from "../io/formats/gdal";
import { launchBrowser, makeTwoRunScenarios, signIn, type RunScenario } from "../support/e2e-scenarios";
import { startTestServer, type TestServer } from "../support/server";

describe("vector-format import and export in a real browser", () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let scenarios: RunScenario[];
  const consoleErrors: string[] = [];
  const tmp = scratch();

  beforeAll(async () => {
    server = await startTestServer("pglite");
    scenarios = await makeTwoRunScenarios(server);
    browser = await launchBrowser(inject("chromiumPath"), { width: 1400, height: 1000 });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  it("imports a GeoPackage plan: the format is told, the layers are offered, one layer is chosen and imported", async () => {
    const page = await signIn(browser.context, server.url, "planner", "en", consoleErrors);
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Import zoning" }).click();
    const dialog = page.getByRole("dialog", { name: /^Import zoning plan \(SOSI, GML, GeoJSON, GeoPackage/ });
    await dialog.getByLabel("Plan file").setInputFiles(path.resolve("test/fixtures/formats/plan-4204_1536.gpkg"));
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/10 valid land-use objects in the plans 4204_1536/);
    expect(await dialog.textContent()).toMatch(/9 hazard and protection zones/);
    expect(await dialog.getByLabel("Format").inputValue()).toBe("geopackage");

    const layer = dialog.getByLabel("Layer");
    expect(await layer.locator("option").allInnerTexts()).toEqual([
      "Every layer with land use or zones",
      "RpArealformålOmråde (10 objects)",
      "RpAngittHensynSone (6 objects)",
      "RpFareSone (3 objects)",
      "RpOmråde (1 objects)",
    ]);
    await layer.selectOption("RpArealformålOmråde");
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/10 valid land-use objects.*0 hazard and protection zones/s);
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/10 land-use areas imported from the plans 4204_1536/);

    const client = server.client();
    await client.login("viewer");
    const areas = ((await (await client.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items;
    expect(areas.filter((area) => area.planId === "4204_1536")).toHaveLength(10);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);

  describe("exports from the comparison", () => {
    let page: Page;
    const dialog = () => page.getByRole("dialog", { name: "Sammenlign scenarioer" });
    async function download(buttonName: string): Promise<{ name: string; file: string; bytes: Buffer }> {
      const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), dialog().getByRole("button", { name: buttonName, exact: true }).click()]);
      const bytes = await readFile(await file.path());
      return { name: file.suggestedFilename(), file: tmp.file(file.suggestedFilename(), bytes), bytes };
    }

    beforeAll(async () => {
      page = await signIn(browser.context, server.url, "viewer", "nb", consoleErrors);
      await page.getByRole("button", { name: "Sammenlign" }).click();
      await dialog().getByRole("table").waitFor({ timeout: 30_000 });
    }, 120_000);

    it("writes a GeoPackage in EPSG:25832 with a layer per kind that ogr2ogr reads with the scenario's flows", async () => {
      const scenario = scenarios[0]!;
      await dialog().getByLabel(`Format for kartdata fra ${scenario.name}`).selectOption("geopackage");
      const { name, file, bytes } = await download(`Eksporter kartdata: massestrømmer, lokaliteter, prosjekter, egnethet og arealformål for ${scenario.name}`);
      expect(name).toBe("massekart-med-lahell.gpkg");
      await expect.poll(() => dialog().getByRole("status").last().textContent()).toContain("massekart-med-lahell.gpkg er lastet ned.");

      const layers = gdalLayers(file);
      expect(layers).toEqual(expect.arrayContaining(["transporter", "lagre", "prosjekter", "egnethet"]));
      expect(gdalLayerEpsg(file, "transporter")).toBe(25832);
      const flows = gdalFeatures(file, "transporter", tmp.dir);
      expect(flows).toHaveLength(scenario.result.flows.length);
      const tonnes = (list: { properties: Record<string, unknown> }[]) => list.reduce((sum, flow) => sum + Number(flow.properties.tonnes), 0);
      expect(tonnes(flows)).toBeCloseTo(scenario.result.flows.reduce((sum, flow) => sum + flow.tonnes, 0), 3);
      expect(flows.every((flow) => /^\d{4}-\d{2}$/.test(String(flow.properties.month)) && typeof flow.properties.material === "string")).toBe(true);
      expect(flows.every((flow) => flow.geometry?.type === "LineString")).toBe(true);

      // Massekart's own reader sees the same layers and counts.
      const read = await readVectorFile(new Uint8Array(bytes), { fileName: name });
      if (!read.ok) throw new Error(read.problem);
      expect(read.value.layers.find((layer) => layer.name === "transporter")?.features).toHaveLength(flows.length);
      const projects = gdalFeatures(file, "prosjekter", tmp.dir);
      expect(projects.length).toBeGreaterThan(0);
      expect(projects.some((project) => Number(project.properties.surplusTonnes) > 0)).toBe(true);
    }, 120_000);

    it("writes a zipped Shapefile and a KML that ogr2ogr opens", async () => {
      const scenario = scenarios[1]!;
      for (const [format, extension] of [["shapefile", "zip"], ["kml", "kml"]] as const) {
        await dialog().getByLabel(`Format for kartdata fra ${scenario.name}`).selectOption(format);
        const { name, file } = await download(`Eksporter kartdata: massestrømmer, lokaliteter, prosjekter, egnethet og arealformål for ${scenario.name}`);
        expect(name).toBe(`massekart-uten-mellomlager.${extension}`);
        const layers = gdalLayers(file);
        expect(layers.some((layer) => layer.startsWith("transporter"))).toBe(true);
        const flows = layers.filter((layer) => layer.startsWith("transporter")).flatMap((layer) => gdalFeatures(file, layer, tmp.dir));
        expect(flows).toHaveLength(scenario.result.flows.length);
      }
    }, 120_000);

    it("writes the flows and KPIs as an Excel workbook", async () => {
      const scenario = scenarios[0]!;
      const { name, bytes } = await download(`Last ned massestrømmer og nøkkeltall for ${scenario.name} som Excel-arbeidsbok`);
      expect(name).toBe("massekart-med-lahell.xlsx");
      const flows = await readSheetTable(new Uint8Array(bytes), { sheet: "Transporter" });
      if (!flows.ok) throw new Error(flows.problem);
      expect(flows.value.rows).toHaveLength(scenario.result.flows.length);
      const kpis = await readSheetTable(new Uint8Array(bytes), { sheet: "Nøkkeltall" });
      if (!kpis.ok) throw new Error(kpis.problem);
      expect(kpis.value.rows.length).toBeGreaterThan(10);
      expect(consoleErrors).toEqual([]);
    }, 120_000);
  });
});
