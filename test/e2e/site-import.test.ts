// Issue 13, phase 3 in Chromium: the "Import sites" dialog (layer chooser, preview with each site
// and each skipped feature, import), the road-network dialog's layer chooser, the sites view's
// "Export map data" menu read back by ogr2ogr, and lots in Excel (import preview, export link).
// Screenshots of the dialogs at 1440×900 go to tmp-screenshots/formats (`FORMATS_ARTIFACTS`).
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Site } from "../../src/core/domain/records";
import type { OutputFeature } from "../../src/io/formats/vector-data";
import { writeVectorFile } from "../../src/io/formats/write-vector-file";
import { readSheetTable, writeWorkbook } from "../../src/io/formats/workbook";
import { gdalFeatures, gdalLayers, scratch } from "../io/formats/gdal";
import { launchBrowser, signIn } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

const artifactDir = process.env.FORMATS_ARTIFACTS ?? path.join(process.cwd(), "tmp-screenshots", "formats");

const square = (lon: number, lat: number, size = 0.003) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const sitesLayer: OutputFeature[] = [
  { type: "Feature", properties: { navn: "Import Vettre", type: "mellomlager", kapasitet: 40000 }, geometry: square(10.46, 59.82) },
  { type: "Feature", properties: { navn: "Import Heggedal", type: "deponi", kapasitet: 250000 }, geometry: square(10.44, 59.78) },
  { type: "Feature", properties: { navn: "Import Kjekstad", type: "fotballbane", kapasitet: 1000 }, geometry: square(10.38, 59.8) },
];
const line = (coordinates: number[][], name: string): OutputFeature => ({ type: "Feature", properties: { name }, geometry: { type: "LineString", coordinates } });

describe("site import, road-network layers, map-data export and Excel lots in a real browser", () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  const consoleErrors: string[] = [];
  const tmp = scratch();

  beforeAll(async () => {
    server = await startTestServer("pglite");
    browser = await launchBrowser(inject("chromiumPath"), { width: 1440, height: 900 });
    await mkdir(artifactDir, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  const viewerSites = async () => {
    const client = server.client();
    await client.login("viewer");
    return ((await (await client.request("GET", "/api/sites")).json()) as { items: Site[] }).items;
  };

  it("imports sites from a GeoPackage with two layers: layer chosen, bad feature listed, then fixed and imported", async () => {
    const page = await signIn(browser.context, server.url, "planner", "en", consoleErrors);
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Import sites" }).click();
    const dialog = page.getByRole("dialog", { name: /^Import sites \(GeoJSON, GeoPackage/ });
    const withBad = await writeVectorFile("geopackage", [
      { name: "lagerplasser", features: sitesLayer },
      { name: "adkomst", features: [line([[10.4, 59.8], [10.41, 59.81]], "vei")] },
    ]);
    await dialog.getByLabel("File with sites").setInputFiles({ name: "lager.gpkg", mimeType: "application/geopackage+sqlite3", buffer: Buffer.from(withBad.bytes) });
    await expect.poll(() => dialog.getByRole("status").textContent(), { timeout: 30_000 }).toMatch(/The file has 2 layers: choose the layer to import/);
    const layer = dialog.getByLabel("Layer");
    expect(await layer.locator("option").allInnerTexts()).toEqual(["Choose a layer", "lagerplasser (3 objects)", "adkomst (1 objects)"]);
    await layer.selectOption("lagerplasser");
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/3 features in layer "lagerplasser" \(EPSG:25832\); 2 become sites\./);
    expect(await dialog.textContent()).toMatch(/Names from the field "navn"/);
    const skipped = dialog.getByRole("table", { name: "Features that cannot become sites, with field and reason" });
    expect(await skipped.getByRole("row").nth(1).getByRole("cell").allInnerTexts()).toEqual(["2", "type", '"fotballbane" is not a site kind (storage, landfill, quarry)']);
    expect(await dialog.getByRole("button", { name: "Import 2 sites" }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(artifactDir, "site-import-skipped-1440.png") });

    const good = await writeVectorFile("geopackage", [{ name: "lagerplasser", features: sitesLayer.slice(0, 2) }]);
    await dialog.getByLabel("File with sites").setInputFiles({ name: "lager-ok.gpkg", mimeType: "application/geopackage+sqlite3", buffer: Buffer.from(good.bytes) });
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/2 features in layer "lagerplasser" \(EPSG:25832\); 2 become sites\./);
    const created = dialog.getByRole("table", { name: "Sites to be created" });
    expect(await created.getByRole("row").nth(1).getByRole("cell").nth(1).innerText()).toBe("Import Vettre");
    expect(await created.getByRole("row").nth(2).getByRole("cell").nth(2).innerText()).toBe("Landfill / receiver");
    await page.screenshot({ path: path.join(artifactDir, "site-import-preview-1440.png") });
    await dialog.getByRole("button", { name: "Import 2 sites" }).click();
    await expect.poll(() => dialog.getByRole("status").textContent(), { timeout: 30_000 }).toBe("2 sites were imported.");
    expect((await viewerSites()).filter((site) => site.name.startsWith("Import ")).map((site) => [site.name, site.kind, site.capacityTonnes])).toEqual(
      expect.arrayContaining([
        ["Import Vettre", "storage", 40000],
        ["Import Heggedal", "landfill", 250000],
      ]),
    );
    // The new sites are in the panel's list.
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.locator(".site-list").textContent()).toContain("Import Heggedal");
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  }, 180_000);

  it("the road-network dialog offers the layers of a file with several and imports the one chosen", async () => {
    const page = await signIn(browser.context, server.url, "planner", "en", consoleErrors);
    await page.getByRole("button", { name: "Sites", exact: true }).click();
    await page.getByRole("button", { name: "Import road network" }).click();
    const dialog = page.getByRole("dialog", { name: "Road network for haul distances" });
    const roads = await writeVectorFile("geopackage", [
      { name: "veglenker", features: [line([[10.40, 59.80], [10.42, 59.81]], "a"), line([[10.42, 59.81], [10.45, 59.83]], "b"), line([[10.45, 59.83], [10.47, 59.82]], "c")] },
      { name: "stier", features: [line([[10.41, 59.80], [10.41, 59.82]], "sti")] },
    ]);
    await dialog.getByLabel(/^File of road lines/).setInputFiles({ name: "veger.gpkg", mimeType: "application/geopackage+sqlite3", buffer: Buffer.from(roads.bytes) });
    await dialog.getByRole("button", { name: "Import road network" }).click();
    await expect.poll(() => dialog.getByRole("status").textContent(), { timeout: 30_000 }).toMatch(/The file has 2 layers: choose the layer to import/);
    const layer = dialog.getByLabel("Layer");
    expect(await layer.locator("option").allInnerTexts()).toEqual(["Choose a layer", "veglenker (3 objects)", "stier (1 objects)"]);
    await layer.selectOption("veglenker");
    await page.screenshot({ path: path.join(artifactDir, "road-network-layers-1440.png") });
    await dialog.getByRole("button", { name: "Import road network" }).click();
    await expect.poll(() => dialog.getByRole("status").textContent(), { timeout: 30_000 }).toMatch(/The road network “veger” is now in use/);
    await page.close();
  }, 180_000);

  it("exports the sites view as a GeoPackage that ogr2ogr reads with every site", async () => {
    const page = await signIn(browser.context, server.url, "viewer", "nb", consoleErrors);
    await page.getByRole("button", { name: "Lokaliteter", exact: true }).click();
    await page.locator(".sites-panel").getByText("Eksporter kartdata").click();
    const menu = page.getByRole("group", { name: "Eksporter lokaliteter, egnethet og arealformål" });
    await page.screenshot({ path: path.join(artifactDir, "sites-export-menu-1440.png") });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), menu.getByRole("button", { name: "GeoPackage (EPSG:25832)" }).click()]);
    expect(download.suggestedFilename()).toBe("massekart-lagre.gpkg");
    const file = tmp.file("lagre.gpkg", await readFile(await download.path()));
    expect(gdalLayers(file)).toEqual(expect.arrayContaining(["lagre", "egnethet", "arealformal"]));
    const sites = await viewerSites();
    const read = gdalFeatures(file, "lagre", tmp.dir);
    expect(read).toHaveLength(sites.length);
    expect(read.map((f) => f.properties.name).sort()).toEqual(sites.map((s) => s.name).sort());
    await expect.poll(() => menu.getByRole("status").textContent()).toContain("massekart-lagre.gpkg er lastet ned.");
    await page.close();
  }, 180_000);

  it("previews lots from an Excel workbook in the import dialog and offers the lots as .xlsx", async () => {
    const page = await signIn(browser.context, server.url, "planner", "nb", consoleErrors);
    await page.getByRole("button", { name: "Prosjekter", exact: true }).click();
    await page.getByRole("button", { name: "Importer CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Importer lotter fra CSV" });
    const workbook = await writeWorkbook([
      {
        name: "Masser",
        columns: ["prosjekt", "retning", "materiale", "tilstandsklasse", "mengde", "enhet", "fra", "til", "lengdegrad", "breddegrad"].map((header) => ({ key: header, header })),
        rows: [{ prosjekt: "Excel-prosjekt", retning: "overskudd", materiale: "sprengstein", tilstandsklasse: 1, mengde: 1200.5, enhet: "t", fra: "2027-03", til: "2027-05", lengdegrad: 10.46, breddegrad: 59.83 }],
      },
    ]);
    await dialog.getByLabel("CSV-fil").setInputFiles({ name: "masser.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(workbook) });
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/1 rader kontrollert: 1 klare, 0 med feil/);
    expect(await dialog.textContent()).toContain("Excel-prosjekt");
    await page.screenshot({ path: path.join(artifactDir, "lots-xlsx-import-1440.png") });
    await dialog.getByRole("button", { name: "Avbryt" }).click();

    // The projects view's map-data menu opens over the list, with the projects' formats.
    await page.locator(".projects-footer").getByText("Eksporter kartdata").click();
    const menu = page.getByRole("group", { name: "Eksporter prosjekter med summer" });
    // The menu's formats arrive with its lazily loaded part: wait for them rather than read at once.
    await expect.poll(() => menu.getByRole("button").allInnerTexts(), { timeout: 20_000 }).toEqual(["GeoPackage (EPSG:25832)", "Shapefile, zip (EPSG:25832)", "KML (WGS84)", "GeoJSON (WGS84)"]);
    expect(await menu.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(artifactDir, "projects-export-menu-1440.png") });

    const link = page.getByRole("link", { name: "Eksporter Excel: massepartiene i listen som arbeidsbok (.xlsx)" });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), link.click()]);
    expect(download.suggestedFilename()).toBe("massekart-lots.xlsx");
    const sheet = await readSheetTable(new Uint8Array(await readFile(await download.path())));
    if (!sheet.ok) throw new Error(sheet.problem);
    expect(sheet.value.headers).toContain("quantity");
    expect(sheet.value.rows.length).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});

export type { Page };
