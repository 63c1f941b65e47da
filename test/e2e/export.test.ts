import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatCompareValue, formatDifference, kpiCompareRows } from "../../src/app/features/compare/kpi-table";
import { flowCsvColumns } from "../../src/app/features/export/flows-csv";
import { formatKpi, kpiRows } from "../../src/app/features/results/kpi-rows";
import { startTestServer, type TestServer } from "../support/server";
import { parseCsv } from "../support/csv-read";
import { launchBrowser, makeTwoRunScenarios, signIn, type RunScenario } from "../support/e2e-scenarios";
import { normalise, pdfText } from "../support/pdf-text";

/** The files and a screenshot to look at (`EXPORT_ARTIFACTS` overrides the folder). */
const artifactDir = process.env.EXPORT_ARTIFACTS ?? path.join(process.cwd(), "tmp-screenshots", "export");

describe("Compare and export in a real browser", () => {
  let server: TestServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let scenarios: RunScenario[];
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer("pglite");
    scenarios = await makeTwoRunScenarios(server);
    browser = await launchBrowser(inject("chromiumPath"), { width: 1400, height: 1000 });
    page = await signIn(browser.context, server.url, "viewer", "nb", consoleErrors);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const dialog = () => page.getByRole("dialog", { name: "Sammenlign scenarioer" });

  async function download(buttonName: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), dialog().getByRole("button", { name: buttonName, exact: true }).click()]);
    const bytes = await readFile(await file.path());
    await mkdir(artifactDir, { recursive: true });
    await writeFile(path.join(artifactDir, file.suggestedFilename()), bytes);
    return { name: file.suggestedFilename(), bytes };
  }

  it("shows both scenarios side by side with the tonne-km difference, the charts and two synced maps", async () => {
    const [withAll, withoutStorage] = scenarios as [RunScenario, RunScenario];
    await page.getByRole("button", { name: "Sammenlign" }).click();
    const table = dialog().getByRole("table");
    await expect.poll(() => table.count(), { timeout: 30_000 }).toBe(1);
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual(["Nøkkeltall", withAll.name, withoutStorage.name]);

    const rows = kpiCompareRows([withAll.result, withoutStorage.result], "nb");
    const tonneKm = rows.find((r) => r.key === "tonneKm")!;
    expect(Math.abs(tonneKm.differences[1]!)).toBeGreaterThan(1);
    const rowText = normalise(await table.locator("tr[data-kpi='tonneKm']").innerText());
    expect(rowText).toContain(normalise(formatCompareValue(tonneKm, 0, "nb")));
    expect(rowText).toContain(normalise(formatCompareValue(tonneKm, 1, "nb")));
    expect(rowText).toContain(normalise(`${formatDifference(tonneKm, tonneKm.differences[1]!, "nb")} mot ${withAll.name}`));
    // The better of the two is marked best.
    const bestColumn = tonneKm.best.indexOf(true);
    expect(await table.locator("tr[data-kpi='tonneKm'] td").nth(bestColumn).getAttribute("class")).toContain("compare-kpi-best");

    // One chart per scenario, on one scale (same axis maximum written on both).
    const charts = dialog().getByRole("img", { name: /tonn gjenbrukt/ });
    expect(await charts.count()).toBe(2);
    // Two maps, drawn.
    await page.waitForFunction(() => document.querySelectorAll(".compare-mini-map[data-ready='true']").length === 2, undefined, { timeout: 60_000 });
    expect(await dialog().getByRole("region", { name: /Kart over massestrømmer i/ }).count()).toBe(2);

    // Panning and zooming one map moves the other to the same view.
    const views = () => page.$$eval(".compare-mini-map", (maps) => maps.map((m) => (m as HTMLElement).dataset.view));
    const before = await views();
    expect(before[0]).toBe(before[1]);
    const canvas = page.locator(".compare-mini-map canvas").first();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await views())[0], { timeout: 10_000 }).not.toBe(before[0]);
    // Once the first map has come to rest, the second shows the same view.
    let last = "";
    await expect
      .poll(
        async () => {
          const [a, b] = await views();
          const settled = a === last;
          last = a ?? "";
          return settled && a === b;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    await mkdir(artifactDir, { recursive: true });
    await dialog().getByRole("heading", { name: "Sammenlign scenarioer" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactDir, "compare.png") });
  });

  it("makes a comparison PDF whose text has the KPI values as shown, the map, and æøå", async () => {
    const { name, bytes } = await download("Last ned PDF-rapport for sammenligningen");
    expect(name).toMatch(/\.pdf$/);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text, pages } = await pdfText(new Uint8Array(bytes));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain("Massekart - sammenligning av scenarioer");
    const table = dialog().getByRole("table");
    for (const row of kpiCompareRows(scenarios.map((s) => s.result), "nb")) {
      for (let i = 0; i < scenarios.length; i += 1) {
        const shown = normalise(formatCompareValue(row, i, "nb"));
        expect(normalise(await table.locator(`tr[data-kpi='${row.key}']`).innerText())).toContain(shown);
        expect(text).toContain(shown);
      }
    }
    expect(text).toContain("Nøkkeltall");
    expect(text).toContain("Sætre industriområde");
    expect(text).toContain("Åros jordmellomlager");
    expect(text).toMatch(/æ/);
    expect(text).toMatch(/ø/);
    expect(text).toMatch(/å/);
    expect(text).toContain("Parametre og kilder");
    expect(text).toMatch(/kjørt \d+\. \S+ \d{4} kl\. \d\d:\d\d av planner/);
    expect(text).toMatch(/Laget \d+\. \S+ \d{4} kl\. \d\d:\d\d av viewer/);
    // The maps went in as images.
    expect(bytes.toString("latin1")).toContain("/Subtype /Image");
  });

  it("makes one scenario's PDF with its KPIs beside the baseline", async () => {
    const [withAll] = scenarios as [RunScenario];
    const { bytes } = await download(`Last ned PDF-rapport for ${withAll.name}`);
    const { text } = await pdfText(new Uint8Array(bytes));
    expect(text).toContain(`rapport for scenario «${withAll.name}»`);
    for (const row of kpiRows(withAll.result, "nb")) {
      const shown = formatKpi(row, "nb");
      expect(text).toContain(normalise(shown.value));
      expect(text).toContain(normalise(shown.baseline));
    }
    expect(text).toContain("Massestrømmer");
  });

  it("downloads the flows as CSV and GeoJSON and the sites as GeoJSON, matching the result", async () => {
    const [, withoutStorage] = scenarios as [RunScenario, RunScenario];
    const flows = withoutStorage.result.flows;

    const csv = await download(`Last ned massestrømmer som CSV for ${withoutStorage.name}`);
    expect(csv.name).toMatch(/\.csv$/);
    const rows = parseCsv(csv.bytes.toString("utf8").replace(/^\ufeff/, ""));
    expect(rows[0]).toEqual([...flowCsvColumns]);
    expect(rows).toHaveLength(flows.length + 1);
    rows.slice(1).forEach((row, i) => {
      const flow = flows[i]!;
      expect([row[0], row[2], row[4], row[5], row[7]]).toEqual([flow.from, flow.to, flow.kind, flow.material, flow.month]);
      expect(Number(row[8])).toBeCloseTo(flow.tonnes, 2);
      expect(Number(row[9])).toBeCloseTo(flow.km, 2);
    });

    const geojson = await download(`Last ned massestrømmer som GeoJSON for ${withoutStorage.name}`);
    const collection = JSON.parse(geojson.bytes.toString("utf8")) as { type: string; features: { geometry: { type: string; coordinates: number[][] } | null; properties: { from: string; to: string; tonnes: number } }[] };
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(flows.length);
    collection.features.forEach((feature, i) => {
      expect(feature.properties).toMatchObject({ from: flows[i]!.from, to: flows[i]!.to, tonnes: flows[i]!.tonnes });
      expect(feature.geometry?.type).toBe("LineString");
      expect(feature.geometry?.coordinates).toHaveLength(2);
    });

    const sites = await download(`Last ned lokaliteter som GeoJSON for ${withoutStorage.name}`);
    const siteCollection = JSON.parse(sites.bytes.toString("utf8")) as { features: { properties: { kind: string; inScenario: boolean; verdict: string | null } }[] };
    expect(siteCollection.features.length).toBeGreaterThan(0);
    for (const feature of siteCollection.features) {
      if (feature.properties.kind === "storage") expect(feature.properties.inScenario).toBe(false);
    }
    expect(siteCollection.features.some((f) => f.properties.verdict !== null)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
